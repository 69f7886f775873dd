// SPDX-License-Identifier: MIT
// safetensors, the weight format of Hugging Face model directories: an 8-byte little-endian header
// length N, N bytes of JSON ({name: {dtype, shape, data_offsets: [begin, end)}, "__metadata__":
// {str: str}}), then the raw little-endian tensor bytes, offsets relative to the end of the header.
// Files are memory-mapped and checked as the reference implementation checks them (offsets in
// order, contiguous, covering the data exactly; bytes = elements * dtype size), so a 14 GB shard
// is never read into memory at once and a header that lies is refused before any data is touched.
// Plain C++ (no LibTorch): the fuzz target and tests use it directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace seqscope::interop {

enum class TensorDtype { Bool, U8, I8, F8E5M2, F8E4M3, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64 };

const char* dtypeName(TensorDtype dtype);   // as in the header: "F32", "BF16", ...
std::size_t dtypeSize(TensorDtype dtype);   // bytes per element
bool isFloatDtype(TensorDtype dtype);       // F16, BF16, F32, F64: the ones toFloat32 converts

struct TensorInfo {
    std::string name;
    TensorDtype dtype = TensorDtype::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0, end = 0;   // byte range inside the data section
    std::int64_t elements() const;      // product of shape (1 for a scalar)
};

struct SafetensorsHeader {
    std::vector<TensorInfo> tensors;                  // in data order
    std::map<std::string, std::string> metadata;      // "__metadata__"
    std::uint64_t dataOffset = 0;                     // 8 + N: where the data section starts in the file
};

// Checks a whole file image (or its first `size` bytes when that is all the caller has: then
// `fileSize` is the full size) and returns the tensor table. Every problem names itself: "header
// length 9e18 exceeds the file (120 bytes)", "tensor 'a': dtype 'F33' is not a safetensors dtype",
// "tensor 'a': shape [3, 4] of F32 needs 48 bytes but data_offsets span 40", ...
Result<SafetensorsHeader> parseSafetensorsHeader(const std::uint8_t* bytes, std::size_t size, std::uint64_t fileSize);

// One safetensors file, memory-mapped read-only for the object's lifetime (copies share the map).
class SafetensorsFile {
public:
    static Result<SafetensorsFile> open(const std::string& path);

    const std::string& path() const { return m_path; }
    const SafetensorsHeader& header() const { return m_header; }
    const TensorInfo* find(const std::string& name) const;   // null when absent
    const std::uint8_t* data(const TensorInfo& tensor) const;

    // The tensor's values as float32 into out[0 .. elements()): F32 copied, F16/BF16 widened, F64
    // narrowed. Other dtypes are refused naming the tensor.
    Status toFloat32(const TensorInfo& tensor, float* out) const;

private:
    struct Mapping;
    std::string m_path;
    std::shared_ptr<Mapping> m_map;
    SafetensorsHeader m_header;
    std::map<std::string, std::size_t> m_index;
};

// A tensor to write: F32, F16 or BF16 bytes (little-endian, as in memory on x86 and ARM).
struct TensorToWrite {
    std::string name;
    TensorDtype dtype = TensorDtype::F32;
    std::vector<std::int64_t> shape;
    const void* data = nullptr;
    std::size_t bytes = 0;
};

// Writes the tensors in order (header padded to a multiple of 8 as the reference writer does), to
// a temporary file that is fsync'ed and renamed over `path`: a crash never leaves half a file.
Status writeSafetensors(const std::string& path, const std::vector<TensorToWrite>& tensors,
                        const std::map<std::string, std::string>& metadata = {});

// A model's weights: model.safetensors, or the shards listed by model.safetensors.index.json
// ("weight_map": {tensor: file}). Every tensor of the index must be in its shard, no tensor may be
// in two shards, and shard names must stay inside the directory.
class SafetensorsSet {
public:
    static Result<SafetensorsSet> openDirectory(const std::string& dir);
    static SafetensorsSet single(SafetensorsFile file);

    std::vector<std::string> names() const;                       // every tensor, sorted
    const TensorInfo* find(const std::string& name, const SafetensorsFile** file) const;
    const std::vector<SafetensorsFile>& files() const { return m_files; }

private:
    std::vector<SafetensorsFile> m_files;
    std::map<std::string, std::size_t> m_owner;   // tensor -> index into m_files
};

// float32 <-> bfloat16 / float16 bit conversions (round to nearest even), used by the writer's callers.
std::uint16_t floatToBf16(float value);
float bf16ToFloat(std::uint16_t bits);
float f16ToFloat(std::uint16_t bits);

}  // namespace seqscope::interop
