// SPDX-License-Identifier: MIT
// Official model directories <-> LanguageModel (see model_directory.h). Names go through
// hf_config's officialTensorName/seqscopeTensorName; every tensor is checked (name, shape, float
// dtype) before the first copy, so a bad directory leaves the model untouched.
#include "interop/model_directory.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "interop/model_weights.h"
#include "interop/safetensors.h"
#include "models/causal_lm.h"

namespace seqscope::interop {
namespace fs = std::filesystem;
using engine::CausalLm;
using engine::LanguageModel;

namespace {

Result<std::string> readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::error_code ec;
        return fs::exists(path, ec) ? Status::io("cannot read '" + path.string() + "'")
                                    : Status::notFound("'" + path.string() + "' does not exist");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::ostringstream os;
    os << "[";
    for (size_t i = 0; i < shape.size(); ++i) os << (i ? ", " : "") << shape[i];
    os << "]";
    return os.str();
}

// The xLSTM layouts differ only in the embedding's name; the tensors decide which one a directory uses.
CheckpointLayout namingOf(const HfModelConfig& config, const SafetensorsSet& set) {
    if (config.layout == CheckpointLayout::Llama) return config.layout;
    if (set.find("backbone.embeddings.weight", nullptr)) return CheckpointLayout::HfXlstm;
    if (set.find("embedding.weight", nullptr)) return CheckpointLayout::XlstmLarge;
    return config.layout;
}

// A tensor the model needs: present, of the shape the config implies, and floating-point.
Status checkTensor(const std::string& where, const std::string& name, const TensorInfo* t, const std::vector<std::int64_t>& want) {
    if (!t) return Status(StatusCode::Incompatible, where + ": tensor '" + name + "' is missing");
    if (t->shape != want)
        return Status(StatusCode::Incompatible, where + ": tensor '" + name + "' has shape " + shapeText(t->shape) +
                                                    ", the config implies " + shapeText(want));
    if (!isFloatDtype(t->dtype))
        return Status(StatusCode::Incompatible, where + ": tensor '" + name + "' has dtype " + dtypeName(t->dtype) +
                                                    ", not a floating-point type");
    return Status::ok();
}

// Extra tensors mean the config describes another model than the weights: refused, not ignored.
Status checkNoneUnexpected(const std::string& where, const SafetensorsSet& set, const std::set<std::string>& expected) {
    for (const std::string& name : set.names())
        if (!expected.count(name))
            return Status(StatusCode::Incompatible, where + ": unexpected tensor '" + name + "' (the config's model has no such weight)");
    return Status::ok();
}

// Each parameter of `model` paired with its tensor in `set`, checked; nothing copied yet.
struct Pairing {
    std::string name;                 // Seqscope name
    const SafetensorsFile* file;
    const TensorInfo* tensor;
};

// `naming` null: Seqscope's own module names (the trainer's weights file).
Result<std::vector<Pairing>> pairTensors(CausalLm& model, const SafetensorsSet& set, const CheckpointLayout* naming,
                                         const std::string& where) {
    std::vector<Pairing> pairs;
    std::set<std::string> expected;
    for (const auto& p : model.named_parameters(/*recurse=*/true)) {
        const std::string official = naming ? officialTensorName(*naming, p.key()) : p.key();
        if (official.empty())
            return Status(StatusCode::Internal, "no " + std::string(layoutName(*naming)) + " name for parameter '" + p.key() + "'");
        expected.insert(official);
        const SafetensorsFile* file = nullptr;
        const TensorInfo* t = set.find(official, &file);
        if (Status s = checkTensor(where, official, t, {p.value().sizes().begin(), p.value().sizes().end()}); !s) return s;
        pairs.push_back({p.key(), file, t});
    }
    if (Status s = checkNoneUnexpected(where, set, expected); !s) return s;
    return pairs;
}

Status copyTensors(CausalLm& model, const std::vector<Pairing>& pairs) {
    torch::NoGradGuard noGrad;
    auto params = model.named_parameters(/*recurse=*/true);
    std::vector<float> buffer;
    for (const Pairing& p : pairs) {
        buffer.resize(static_cast<size_t>(p.tensor->elements()));
        if (Status s = p.file->toFloat32(*p.tensor, buffer.data()); !s) return s;
        torch::Tensor& dst = params[p.name];
        dst.copy_(torch::from_blob(buffer.data(), dst.sizes(), torch::kFloat32));
    }
    return Status::ok();
}

struct TensorBytes {
    std::string name;
    torch::Tensor cpu;   // contiguous F32 or BF16 (as int16 bits) on the CPU
    TensorDtype dtype;
};

std::vector<TensorBytes> tensorsFor(CausalLm& model, CheckpointLayout layout, bool ownNames, bool bfloat16) {
    std::vector<TensorBytes> out;
    for (const auto& p : model.named_parameters(/*recurse=*/true)) {
        torch::Tensor t = p.value().detach().to(torch::kCPU, torch::kFloat32).contiguous();
        if (bfloat16) t = t.to(torch::kBFloat16).contiguous();
        out.push_back({ownNames ? p.key() : officialTensorName(layout, p.key()), t, bfloat16 ? TensorDtype::BF16 : TensorDtype::F32});
    }
    return out;
}

std::vector<TensorToWrite> toWrite(const std::vector<TensorBytes>& tensors, size_t first, size_t last) {
    std::vector<TensorToWrite> out;
    for (size_t i = first; i < last; ++i) {
        const auto& t = tensors[i];
        out.push_back({t.name, t.dtype, std::vector<std::int64_t>(t.cpu.sizes().begin(), t.cpu.sizes().end()),
                       t.cpu.data_ptr(), static_cast<size_t>(t.cpu.nbytes())});
    }
    return out;
}

Status writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return Status::io("cannot write '" + path.string() + "'");
    return Status::ok();
}

}  // namespace

namespace {

// config.json parsed and the weights mapped; config.layout is the naming the tensors use.
struct OpenedDirectory {
    HfModelConfig config;
    SafetensorsSet set;
};

Result<OpenedDirectory> openDirectory(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status::notFound("'" + dir + "' is not a directory");
    const fs::path configPath = fs::path(dir) / "config.json";
    auto text = readText(configPath);
    if (!text) return text.status();
    auto config = parseHfConfig(*text, configPath.string());
    if (!config) return config.status();
    auto set = SafetensorsSet::openDirectory(dir);
    if (!set) return set.status();
    config->layout = namingOf(*config, *set);
    return OpenedDirectory{std::move(*config), std::move(*set)};
}

}  // namespace

Status loadWeights(CausalLm& model, const std::string& dir) {
    auto opened = openDirectory(dir);
    if (!opened) return opened.status();
    const HfModelConfig& config = opened->config;
    if (!sameWeightShapes(config.shape, model.shape()))
        return Status(StatusCode::Incompatible, dir + ": the directory holds " + config.shape.describe() +
                                                    ", the model is " + model.shape().describe());
    auto pairs = pairTensors(model, opened->set, &config.layout, dir);
    if (!pairs) return pairs.status();
    return copyTensors(model, *pairs);
}

Result<ModelDirectoryInfo> inspectModelDirectory(const std::string& dir) {
    auto opened = openDirectory(dir);
    if (!opened) return opened.status();
    const SafetensorsSet* set = &opened->set;
    ModelDirectoryInfo info;
    info.config = opened->config;
    info.shards = static_cast<int>(set->files().size());
    std::set<std::string> dtypes;
    for (const SafetensorsFile& f : set->files())
        for (const TensorInfo& t : f.header().tensors) {
            info.parameters += t.elements();
            info.bytesOnDisk += static_cast<long long>(t.end - t.begin);
            dtypes.insert(dtypeName(t.dtype));
        }
    info.dtype = dtypes.size() == 1 ? *dtypes.begin() : "mixed";
    // Names and shapes against the config's model, computed, not allocated (a 7B model stays on disk).
    const auto expected = expectedTensors(info.config.shape, info.config.layout);
    std::set<std::string> names;
    for (const auto& [name, wanted] : expected) {
        names.insert(name);
        if (Status s = checkTensor(dir, name, set->find(name, nullptr), {wanted.begin(), wanted.end()}); !s) return s;
    }
    if (Status s = checkNoneUnexpected(dir, *set, names); !s) return s;
    return info;
}

Result<std::unique_ptr<LanguageModel>> loadModelDirectory(const std::string& dir, const engine::ModelOptions& options) {
    auto info = inspectModelDirectory(dir);
    if (!info) return info.status();
    auto model = LanguageModel::create(info->config.shape, options);
    if (!model) return model.status();
    if (Status s = loadWeights(*(*model)->causalLm(), dir); !s) return s;
    return std::move(*model);
}

Status loadModelWeights(LanguageModel& model, const std::string& dir) { return loadWeights(*model.causalLm(), dir); }

Status exportModelDirectory(const LanguageModel& model, const std::string& dir, const ExportOptions& options) {
    auto configText = hfConfigJson(model.shape(), options.layout, options.dropLogitCap);
    if (!configText) return configText.status();
    std::error_code ec;
    if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
        return Status::invalid("'" + dir + "' exists and is not an empty directory; choose a new one");
    const fs::path target(dir);
    const fs::path staging = target.parent_path() / (target.filename().string() + ".partial");
    fs::remove_all(staging, ec);
    if (!fs::create_directories(staging, ec) && ec) return Status::io("cannot create '" + staging.string() + "': " + ec.message());
    const auto cleanup = [&](const Status& s) {
        fs::remove_all(staging, ec);
        return s;
    };
    try {
        torch::NoGradGuard noGrad;
        const auto tensors = tensorsFor(*model.causalLm(), options.layout, /*ownNames=*/false, options.bfloat16);
        long long total = 0;
        for (const auto& t : tensors) total += static_cast<long long>(t.cpu.nbytes());
        std::vector<std::pair<size_t, size_t>> shards;   // [first, last) per shard, greedy by size
        size_t first = 0;
        long long inShard = 0;
        for (size_t i = 0; i < tensors.size(); ++i) {
            const long long bytes = static_cast<long long>(tensors[i].cpu.nbytes());
            if (options.shardBytes > 0 && i > first && inShard + bytes > options.shardBytes) {
                shards.emplace_back(first, i);
                first = i;
                inShard = 0;
            }
            inShard += bytes;
        }
        shards.emplace_back(first, tensors.size());
        const std::map<std::string, std::string> metadata = {{"format", "pt"}};
        if (shards.size() == 1) {
            if (Status s = writeSafetensors((staging / "model.safetensors").string(), toWrite(tensors, 0, tensors.size()), metadata); !s)
                return cleanup(s);
        } else {
            nlohmann::json map = nlohmann::json::object();
            for (size_t k = 0; k < shards.size(); ++k) {
                char name[64];
                std::snprintf(name, sizeof name, "model-%05zu-of-%05zu.safetensors", k + 1, shards.size());
                if (Status s = writeSafetensors((staging / name).string(), toWrite(tensors, shards[k].first, shards[k].second), metadata); !s)
                    return cleanup(s);
                for (size_t i = shards[k].first; i < shards[k].second; ++i) map[tensors[i].name] = name;
            }
            const nlohmann::json index = {{"metadata", {{"total_size", total}}}, {"weight_map", map}};
            if (Status s = writeText(staging / "model.safetensors.index.json", index.dump(2)); !s) return cleanup(s);
        }
        if (Status s = writeText(staging / "config.json", *configText); !s) return cleanup(s);
    } catch (const c10::Error& e) {
        return cleanup(Status::io(std::string("exporting the model: ") + e.what_without_backtrace()));
    }
    fs::remove(target, ec);   // empty (checked above) or absent
    fs::rename(staging, target, ec);
    if (ec) return cleanup(Status::io("cannot move the export into '" + dir + "': " + ec.message()));
    return Status::ok();
}

Status saveWeights(CausalLm& model, const std::string& path, const std::string& configJson) {
    try {
        torch::NoGradGuard noGrad;
        const auto tensors = tensorsFor(model, CheckpointLayout::XlstmLarge, /*ownNames=*/true, /*bfloat16=*/false);
        return writeSafetensors(path, toWrite(tensors, 0, tensors.size()),
                                {{"format", "pt"}, {"seqscope_config", configJson}});
    } catch (const c10::Error& e) {
        return Status::io("writing '" + path + "': " + e.what_without_backtrace());
    }
}

Status saveWeightsFile(const LanguageModel& model, const std::string& path) {
    return saveWeights(*model.causalLm(), path, "");
}

Status loadWeightsFile(LanguageModel& model, const std::string& path) {
    auto file = SafetensorsFile::open(path);
    if (!file) return file.status();
    SafetensorsSet set = SafetensorsSet::single(std::move(*file));
    auto pairs = pairTensors(*model.causalLm(), set, nullptr, path);
    if (!pairs) return pairs.status();
    return copyTensors(*model.causalLm(), *pairs);
}

}  // namespace seqscope::interop
