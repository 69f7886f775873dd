// SPDX-License-Identifier: MIT
// A database file with corrupted pages (storage/store.h): open it read-only and read-write, check it,
// list its runs. Every outcome is a Store or a Status; nothing may crash. Seeds are real Seqscope
// databases, so the mutations are pages of a valid file going bad.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "storage/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = "/tmp/seqscope-fuzz-db-" + std::to_string(getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    for (bool readOnly : {true, false}) {
        seqscope::storage::StoreOptions o;
        o.readOnly = readOnly;
        o.createIfMissing = false;
        o.busyTimeoutMs = 0;
        auto store = seqscope::storage::Store::open(path, o);
        if (!store) continue;
        (void)(*store)->check(/*quick=*/true);
        (void)(*store)->runs();
        (void)(*store)->referenceDatasets();
    }
    return 0;
}
