// SPDX-License-Identifier: MIT
// safetensors reading (mmap + header checks) and writing. The checks follow the reference
// implementation's `validate` (huggingface/safetensors, tensor.rs): the header is a JSON object,
// every entry has a known dtype, a shape and [begin, end) offsets; entries sorted by offset must be
// contiguous from 0, and the last must end exactly where the file ends.
#include "interop/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace seqscope::interop {
namespace {

using json = nlohmann::json;

// The reference implementation refuses headers above 100 MB; real ones are a few hundred kB.
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;

struct DtypeEntry {
    TensorDtype dtype;
    const char* name;
    std::size_t size;
};
constexpr DtypeEntry kDtypes[] = {
    {TensorDtype::Bool, "BOOL", 1}, {TensorDtype::U8, "U8", 1},   {TensorDtype::I8, "I8", 1},
    {TensorDtype::F8E5M2, "F8_E5M2", 1}, {TensorDtype::F8E4M3, "F8_E4M3", 1},
    {TensorDtype::I16, "I16", 2},   {TensorDtype::U16, "U16", 2}, {TensorDtype::F16, "F16", 2},
    {TensorDtype::BF16, "BF16", 2}, {TensorDtype::I32, "I32", 4}, {TensorDtype::U32, "U32", 4},
    {TensorDtype::F32, "F32", 4},   {TensorDtype::F64, "F64", 8}, {TensorDtype::I64, "I64", 8},
    {TensorDtype::U64, "U64", 8},
};

bool parseDtype(const std::string& text, TensorDtype* dtype) {
    for (const auto& e : kDtypes)
        if (text == e.name) {
            *dtype = e.dtype;
            return true;
        }
    return false;
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// A JSON string for messages: names in a hostile header may hold anything.
std::string quoted(const std::string& name) {
    std::string shown = name.size() > 80 ? name.substr(0, 80) + "..." : name;
    return json(shown).dump(-1, ' ', /*ensure_ascii=*/true, json::error_handler_t::replace);
}

Status tensorProblem(const std::string& name, const std::string& what) {
    return Status::invalid("tensor " + quoted(name) + ": " + what);
}

// Reads one {dtype, shape, data_offsets} entry.
Status readEntry(const std::string& name, const json& entry, TensorInfo* info) {
    if (!entry.is_object()) return tensorProblem(name, "entry is not a JSON object");
    info->name = name;
    const auto dtype = entry.find("dtype");
    if (dtype == entry.end() || !dtype->is_string()) return tensorProblem(name, "missing \"dtype\" string");
    if (!parseDtype(dtype->get<std::string>(), &info->dtype))
        return tensorProblem(name, "dtype " + quoted(dtype->get<std::string>()) + " is not a safetensors dtype");
    const auto shape = entry.find("shape");
    if (shape == entry.end() || !shape->is_array()) return tensorProblem(name, "missing \"shape\" array");
    std::uint64_t elements = 1;
    for (const json& d : *shape) {
        if (!d.is_number_unsigned()) return tensorProblem(name, "shape entries must be whole numbers >= 0");
        const std::uint64_t v = d.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return tensorProblem(name, "shape entry " + std::to_string(v) + " is too large");
        if (v != 0 && elements > std::numeric_limits<std::uint64_t>::max() / v)
            return tensorProblem(name, "shape element count overflows");
        elements *= v;
        info->shape.push_back(static_cast<std::int64_t>(v));
    }
    const auto offsets = entry.find("data_offsets");
    if (offsets == entry.end() || !offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() ||
        !(*offsets)[1].is_number_unsigned())
        return tensorProblem(name, "\"data_offsets\" must be two whole numbers [begin, end]");
    info->begin = (*offsets)[0].get<std::uint64_t>();
    info->end = (*offsets)[1].get<std::uint64_t>();
    if (info->end < info->begin) return tensorProblem(name, "data_offsets end before they begin");
    const std::size_t size = dtypeSize(info->dtype);
    if (elements > std::numeric_limits<std::uint64_t>::max() / size) return tensorProblem(name, "byte size overflows");
    if (elements * size != info->end - info->begin)
        return tensorProblem(name, "shape " + shapeText(info->shape) + " of " + dtypeName(info->dtype) + " needs " +
                                       std::to_string(elements * size) + " bytes but data_offsets span " +
                                       std::to_string(info->end - info->begin));
    return Status::ok();
}

}  // namespace

const char* dtypeName(TensorDtype dtype) {
    for (const auto& e : kDtypes)
        if (e.dtype == dtype) return e.name;
    return "?";
}

std::size_t dtypeSize(TensorDtype dtype) {
    for (const auto& e : kDtypes)
        if (e.dtype == dtype) return e.size;
    return 1;
}

bool isFloatDtype(TensorDtype dtype) {
    return dtype == TensorDtype::F16 || dtype == TensorDtype::BF16 || dtype == TensorDtype::F32 || dtype == TensorDtype::F64;
}

std::int64_t TensorInfo::elements() const {
    std::int64_t n = 1;
    for (std::int64_t d : shape) n *= d;   // checked against overflow when parsed
    return n;
}

Result<SafetensorsHeader> parseSafetensorsHeader(const std::uint8_t* bytes, std::size_t size, std::uint64_t fileSize) {
    if (size < 8 || fileSize < 8)
        return Status::invalid("file of " + std::to_string(fileSize) + " bytes is too short for a safetensors header");
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | bytes[i];
    if (n > kMaxHeaderBytes) return Status::invalid("header length " + std::to_string(n) + " exceeds the 100 MB limit");
    if (n > fileSize - 8)
        return Status::invalid("header length " + std::to_string(n) + " exceeds the file (" + std::to_string(fileSize) + " bytes)");
    if (n > size - 8) return Status::invalid("header length " + std::to_string(n) + " exceeds the bytes read");
    if (n < 2 || bytes[8] != '{') return Status::invalid("header does not start with a JSON object");
    const char* text = reinterpret_cast<const char*>(bytes + 8);
    json header = json::parse(text, text + n, nullptr, /*allow_exceptions=*/false);
    if (header.is_discarded() || !header.is_object()) return Status::invalid("header is not valid JSON object text");

    SafetensorsHeader result;
    result.dataOffset = 8 + n;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it->is_object()) return Status::invalid("\"__metadata__\" must be an object of strings");
            for (auto m = it->begin(); m != it->end(); ++m) {
                if (!m->is_string()) return Status::invalid("\"__metadata__\" value " + quoted(m.key()) + " is not a string");
                result.metadata[m.key()] = m->get<std::string>();
            }
            continue;
        }
        TensorInfo info;
        if (Status s = readEntry(it.key(), *it, &info); !s) return s;
        result.tensors.push_back(std::move(info));
    }
    std::sort(result.tensors.begin(), result.tensors.end(),
              [](const TensorInfo& a, const TensorInfo& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
    std::uint64_t expected = 0;
    for (const TensorInfo& t : result.tensors) {
        if (t.begin != expected)
            return tensorProblem(t.name, "data_offsets begin at " + std::to_string(t.begin) + ", expected " +
                                             std::to_string(expected) + " (tensors must be contiguous and not overlap)");
        expected = t.end;
    }
    if (expected != fileSize - result.dataOffset)
        return Status::invalid("tensor data ends at byte " + std::to_string(expected) + " of a data section of " +
                               std::to_string(fileSize - result.dataOffset) + " bytes (truncated or padded file)");
    return result;
}

// ---- SafetensorsFile ---------------------------------------------------------------------------

struct SafetensorsFile::Mapping {
    void* base = MAP_FAILED;
    std::size_t size = 0;
    ~Mapping() {
        if (base != MAP_FAILED) munmap(base, size);
    }
};

Result<SafetensorsFile> SafetensorsFile::open(const std::string& path) {
    const auto fail = [&path](const Status& s) { return Status(s.code(), "'" + path + "': " + s.message()); };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        return e == ENOENT ? Status::notFound("'" + path + "' does not exist")
                           : Status::io("cannot open '" + path + "': " + std::strerror(e));
    }
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Status::invalid("'" + path + "' is not a regular file");
    }
    auto map = std::make_shared<Mapping>();
    map->size = static_cast<std::size_t>(st.st_size);
    if (map->size > 0) map->base = mmap(nullptr, map->size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int mapErrno = errno;
    ::close(fd);
    if (map->size > 0 && map->base == MAP_FAILED) return Status::io("cannot map '" + path + "': " + std::strerror(mapErrno));
    const auto* bytes = map->size > 0 ? static_cast<const std::uint8_t*>(map->base) : nullptr;
    static const std::uint8_t kEmpty[8] = {};
    auto header = parseSafetensorsHeader(bytes ? bytes : kEmpty, map->size, map->size);
    if (!header) return fail(header.status());
    SafetensorsFile file;
    file.m_path = path;
    file.m_map = std::move(map);
    file.m_header = std::move(*header);
    for (std::size_t i = 0; i < file.m_header.tensors.size(); ++i) file.m_index[file.m_header.tensors[i].name] = i;
    return file;
}

const TensorInfo* SafetensorsFile::find(const std::string& name) const {
    const auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &m_header.tensors[it->second];
}

const std::uint8_t* SafetensorsFile::data(const TensorInfo& tensor) const {
    return static_cast<const std::uint8_t*>(m_map->base) + m_header.dataOffset + tensor.begin;
}

float bf16ToFloat(std::uint16_t bits) {
    const std::uint32_t u = static_cast<std::uint32_t>(bits) << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

std::uint16_t floatToBf16(float value) {
    std::uint32_t u;
    std::memcpy(&u, &value, 4);
    if ((u & 0x7fffffffu) > 0x7f800000u) return static_cast<std::uint16_t>((u >> 16) | 0x40);   // NaN stays NaN
    u += 0x7fffu + ((u >> 16) & 1u);
    return static_cast<std::uint16_t>(u >> 16);
}

float f16ToFloat(std::uint16_t h) {
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    std::uint32_t exp = (h >> 10) & 0x1fu, mant = h & 0x3ffu, u;
    if (exp == 0) {
        if (mant == 0) {
            u = sign;
        } else {   // subnormal: normalise
            int e = -1;
            do {
                ++e;
                mant <<= 1;
            } while ((mant & 0x400u) == 0);
            u = sign | static_cast<std::uint32_t>(127 - 15 - e) << 23 | (mant & 0x3ffu) << 13;
        }
    } else if (exp == 31) {
        u = sign | 0x7f800000u | mant << 13;
    } else {
        u = sign | (exp + 127 - 15) << 23 | mant << 13;
    }
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

Status SafetensorsFile::toFloat32(const TensorInfo& tensor, float* out) const {
    const std::uint8_t* p = data(tensor);
    const std::int64_t n = tensor.elements();
    switch (tensor.dtype) {
        case TensorDtype::F32: std::memcpy(out, p, static_cast<std::size_t>(n) * 4); return Status::ok();
        case TensorDtype::BF16:
        case TensorDtype::F16:
            for (std::int64_t i = 0; i < n; ++i) {
                std::uint16_t bits;
                std::memcpy(&bits, p + 2 * i, 2);
                out[i] = tensor.dtype == TensorDtype::BF16 ? bf16ToFloat(bits) : f16ToFloat(bits);
            }
            return Status::ok();
        case TensorDtype::F64:
            for (std::int64_t i = 0; i < n; ++i) {
                double d;
                std::memcpy(&d, p + 8 * i, 8);
                out[i] = static_cast<float>(d);
            }
            return Status::ok();
        default:
            return tensorProblem(tensor.name, std::string("dtype ") + dtypeName(tensor.dtype) +
                                                  " is not a floating-point type a model weight can have");
    }
}

// ---- writing -----------------------------------------------------------------------------------

Status writeSafetensors(const std::string& path, const std::vector<TensorToWrite>& tensors,
                        const std::map<std::string, std::string>& metadata) {
    json header = json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::uint64_t offset = 0;
    std::set<std::string> seen;
    for (const TensorToWrite& t : tensors) {
        if (!seen.insert(t.name).second) return tensorProblem(t.name, "written twice");
        if (t.name == "__metadata__") return Status::invalid("a tensor cannot be named \"__metadata__\"");
        std::uint64_t elements = 1;
        for (std::int64_t d : t.shape) elements *= static_cast<std::uint64_t>(d);
        if (elements * dtypeSize(t.dtype) != t.bytes)
            return tensorProblem(t.name, "shape " + shapeText(t.shape) + " does not match " + std::to_string(t.bytes) + " bytes");
        header[t.name] = {{"dtype", dtypeName(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, offset + t.bytes}}};
        offset += t.bytes;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');   // the reference writer aligns the data to 8 bytes

    const std::string tmp = path + ".partial";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Status::io("cannot create '" + tmp + "': " + std::strerror(errno));
    const auto writeAll = [fd](const void* p, std::size_t n) {
        const char* c = static_cast<const char*>(p);
        while (n > 0) {
            const ssize_t w = ::write(fd, c, n);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) return false;
            c += w;
            n -= static_cast<std::size_t>(w);
        }
        return true;
    };
    std::uint8_t length[8];
    for (int i = 0; i < 8; ++i) length[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(text.size()) >> (8 * i));
    bool ok = writeAll(length, 8) && writeAll(text.data(), text.size());
    for (const TensorToWrite& t : tensors) ok = ok && writeAll(t.data, t.bytes);
    const int writeErrno = errno;
    ok = ok && ::fsync(fd) == 0;
    const int syncErrno = errno;
    ::close(fd);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = ok ? errno : (writeErrno ? writeErrno : syncErrno);
        std::remove(tmp.c_str());
        return Status::io("cannot write '" + path + "': " + std::strerror(e));
    }
    return Status::ok();
}

// ---- SafetensorsSet --------------------------------------------------------------------------

Result<SafetensorsSet> SafetensorsSet::openDirectory(const std::string& dir) {
    namespace fs = std::filesystem;
    SafetensorsSet set;
    const fs::path single = fs::path(dir) / "model.safetensors";
    const fs::path index = fs::path(dir) / "model.safetensors.index.json";
    std::error_code ec;
    if (fs::exists(single, ec)) {
        auto file = SafetensorsFile::open(single.string());
        if (!file) return file.status();
        return SafetensorsSet::single(std::move(*file));
    }
    if (!fs::exists(index, ec))
        return Status::notFound("'" + dir + "' has neither model.safetensors nor model.safetensors.index.json");
    std::ifstream in(index);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return Status::io("cannot read '" + index.string() + "'");
    const json j = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    const std::string where = "'" + index.string() + "': ";
    if (j.is_discarded() || !j.is_object()) return Status::invalid(where + "not a JSON object");
    const auto map = j.find("weight_map");
    if (map == j.end() || !map->is_object() || map->empty())
        return Status::invalid(where + "missing a non-empty \"weight_map\" object");
    std::map<std::string, std::size_t> fileIndex;
    for (auto it = map->begin(); it != map->end(); ++it) {
        if (!it->is_string()) return Status::invalid(where + "weight_map entry " + quoted(it.key()) + " is not a file name");
        const std::string shard = it->get<std::string>();
        if (shard.empty() || shard.find('/') != std::string::npos || shard == "." || shard == "..")
            return Status::invalid(where + "shard name " + quoted(shard) + " must be a plain file name in the directory");
        auto [pos, added] = fileIndex.emplace(shard, set.m_files.size());
        if (added) {
            auto file = SafetensorsFile::open((fs::path(dir) / shard).string());
            if (!file) return file.status();
            set.m_files.push_back(std::move(*file));
        }
        if (!set.m_files[pos->second].find(it.key()))
            return Status::invalid(where + "tensor " + quoted(it.key()) + " is not in its shard '" + shard + "'");
        set.m_owner[it.key()] = pos->second;
    }
    // A tensor in a shard but not in the map, or in two shards, is a broken checkpoint, not extra data.
    std::map<std::string, int> copies;
    for (const SafetensorsFile& f : set.m_files)
        for (const TensorInfo& t : f.header().tensors) {
            if (!set.m_owner.count(t.name))
                return Status::invalid(where + "tensor " + quoted(t.name) + " of '" + f.path() + "' is missing from weight_map");
            if (++copies[t.name] > 1) return Status::invalid(where + "tensor " + quoted(t.name) + " is in two shards");
        }
    return set;
}

SafetensorsSet SafetensorsSet::single(SafetensorsFile file) {
    SafetensorsSet set;
    for (const TensorInfo& t : file.header().tensors) set.m_owner[t.name] = 0;
    set.m_files.push_back(std::move(file));
    return set;
}

std::vector<std::string> SafetensorsSet::names() const {
    std::vector<std::string> out;
    for (const auto& [name, file] : m_owner) out.push_back(name);
    return out;
}

const TensorInfo* SafetensorsSet::find(const std::string& name, const SafetensorsFile** file) const {
    const auto it = m_owner.find(name);
    if (it == m_owner.end()) return nullptr;
    if (file) *file = &m_files[it->second];
    return m_files[it->second].find(name);
}

}  // namespace seqscope::interop
