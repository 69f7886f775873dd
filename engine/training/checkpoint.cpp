// SPDX-License-Identifier: MIT
// Checkpoint save/load (see checkpoint.h) and the LibTorch-free readCheckpointInfo of trainer.h.
// Scalars are stored as 0-d tensors (int64 / float64) so the archive is self-describing; the config
// is stored as a uint8 tensor of its JSON bytes.
#include "training/checkpoint.h"

#include <unistd.h>

#include <ATen/CPUGeneratorImpl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "training/trainer.h"

namespace seqscope::training {

namespace {

torch::Tensor int64Scalar(long long v) { return torch::tensor(static_cast<int64_t>(v), torch::kInt64); }
torch::Tensor doubleScalar(double v) { return torch::tensor(v, torch::kFloat64); }

torch::Tensor bytesTensor(const std::string& s) {
    torch::Tensor t = torch::empty({static_cast<int64_t>(s.size())}, torch::kUInt8);
    if (!s.empty()) std::memcpy(t.data_ptr<uint8_t>(), s.data(), s.size());
    return t;
}

std::string tensorBytes(const torch::Tensor& t) {
    torch::Tensor c = t.to(torch::kCPU).contiguous();
    return std::string(reinterpret_cast<const char*>(c.data_ptr<uint8_t>()), static_cast<size_t>(c.numel()));
}

// Reads the header fields; Incompatible when the file is not a Seqscope checkpoint of a known version.
Status readHeader(torch::serialize::InputArchive& archive, const std::string& path, CheckpointState* state, int* version) {
    torch::Tensor magic, ver;
    if (!archive.try_read("seqscope_magic", magic) || magic.numel() != 1 || magic.item<int64_t>() != kCheckpointMagic)
        return Status(StatusCode::Incompatible, path + " is not a Seqscope training checkpoint (no magic number)");
    if (!archive.try_read("seqscope_version", ver) || ver.numel() != 1)
        return Status(StatusCode::Corrupt, path + ": checkpoint without a version");
    *version = static_cast<int>(ver.item<int64_t>());
    if (*version > kCheckpointVersion)
        return Status(StatusCode::Incompatible, path + ": checkpoint version " + std::to_string(*version) +
                                                    " is newer than this Seqscope reads (" +
                                                    std::to_string(kCheckpointVersion) + "); HINT: update Seqscope");
    // try_read() into a defined tensor would set_() it in place; every read gets a fresh one.
    torch::Tensor t;
    auto need = [&](const char* key, torch::Tensor& out) {
        out = torch::Tensor();
        return archive.try_read(key, out);
    };
    if (!need("state_step", t)) return Status(StatusCode::Corrupt, path + ": checkpoint lacks state_step");
    state->step = t.item<int64_t>();
    if (!need("state_sequences", t)) return Status(StatusCode::Corrupt, path + ": checkpoint lacks state_sequences");
    state->sequences = t.item<int64_t>();
    if (need("state_elapsed", t)) state->elapsedSeconds = t.item<double>();
    if (need("state_loss_average", t)) state->lossAverage = t.item<double>();
    if (need("state_loss_count", t)) state->lossCount = t.item<int64_t>();
    if (need("state_last_train_loss", t)) state->lastTrainLoss = t.item<double>();
    if (!need("state_config", t)) return Status(StatusCode::Corrupt, path + ": checkpoint lacks its config");
    state->configJson = tensorBytes(t);
    return {};
}

}  // namespace

Status saveCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer& optimizer,
                      const CheckpointState& state) {
    const std::string tmp = path + ".tmp";
    // We write the bytes ourselves: LibTorch's file writer notices a failed write (a full disk) only
    // when it closes the archive, in a destructor, and that aborts the process. Our writer records
    // the first error and tells the serializer every byte went out, then reports the error here.
    std::FILE* file = std::fopen(tmp.c_str(), "wb");
    if (!file) return Status::io("writing checkpoint " + tmp + ": " + std::strerror(errno));
    int writeError = 0;
    const auto writer = [&](const void* data, size_t n) -> size_t {
        if (writeError == 0 && std::fwrite(data, 1, n, file) != n) writeError = errno ? errno : EIO;
        return n;
    };
    const auto discard = [&](const std::string& why) {
        if (file) std::fclose(file);
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        return Status::io("writing checkpoint " + path + ": " + why);
    };
    try {
        torch::serialize::OutputArchive archive;
        archive.write("seqscope_magic", int64Scalar(kCheckpointMagic));
        archive.write("seqscope_version", int64Scalar(kCheckpointVersion));
        archive.write("state_step", int64Scalar(state.step));
        archive.write("state_sequences", int64Scalar(state.sequences));
        archive.write("state_elapsed", doubleScalar(state.elapsedSeconds));
        archive.write("state_loss_average", doubleScalar(state.lossAverage));
        archive.write("state_loss_count", int64Scalar(state.lossCount));
        archive.write("state_last_train_loss", doubleScalar(state.lastTrainLoss));
        archive.write("state_config", bytesTensor(state.configJson));
        archive.write("rng_cpu", at::detail::getDefaultCPUGenerator().get_state());
        torch::serialize::OutputArchive modelArchive, optimizerArchive;
        model.save(modelArchive);
        optimizer.save(optimizerArchive);
        archive.write("model", modelArchive);
        archive.write("optimizer", optimizerArchive);
        archive.save_to(writer);
    } catch (const c10::Error& e) {
        return discard(e.what_without_backtrace());
    } catch (const std::exception& e) {
        return discard(e.what());
    }
    if (writeError == 0 && std::fflush(file) != 0) writeError = errno ? errno : EIO;
    if (writeError == 0 && ::fsync(::fileno(file)) != 0) writeError = errno ? errno : EIO;
    if (writeError != 0) return discard(std::strerror(writeError));
    const int closed = std::fclose(file);
    file = nullptr;
    if (closed != 0) return discard(std::strerror(errno ? errno : EIO));
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return Status::io("renaming checkpoint " + tmp + " to " + path + ": " + ec.message());
    return {};
}

Status loadCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer& optimizer,
                      const torch::Device& device, CheckpointState* state) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Status::notFound("checkpoint " + path + " does not exist");
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path, device);
        int version = 0;
        if (Status s = readHeader(archive, path, state, &version); !s) return s;
        torch::serialize::InputArchive modelArchive, optimizerArchive;
        if (!archive.try_read("model", modelArchive) || !archive.try_read("optimizer", optimizerArchive))
            return Status(StatusCode::Corrupt, path + ": checkpoint lacks the model or optimizer state");
        try {
            model.load(modelArchive);
            optimizer.load(optimizerArchive);
        } catch (const c10::Error& e) {
            return Status(StatusCode::Incompatible,
                          path + ": checkpoint does not match this model: " + e.what_without_backtrace());
        }
        torch::Tensor rng;
        if (archive.try_read("rng_cpu", rng)) {
            at::Generator gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(rng.to(torch::kCPU));
        }
    } catch (const c10::Error& e) {
        return Status(StatusCode::Corrupt, "cannot read checkpoint " + path + " (not a LibTorch archive, or truncated): " + e.what_without_backtrace());
    }
    return {};
}

CheckpointInfo readCheckpointInfo(const std::string& path) {
    CheckpointInfo info;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        info.status = Status::notFound("checkpoint " + path + " does not exist");
        return info;
    }
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path, torch::kCPU);
        CheckpointState s;
        info.status = readHeader(archive, path, &s, &info.version);
        info.step = s.step;
        info.sequences = s.sequences;
        info.elapsedSeconds = s.elapsedSeconds;
        info.configJson = s.configJson;
    } catch (const c10::Error& e) {
        info.status = Status(StatusCode::Corrupt, "cannot read checkpoint " + path + " (not a LibTorch archive, or truncated): " + e.what_without_backtrace());
    }
    return info;
}

}  // namespace seqscope::training
