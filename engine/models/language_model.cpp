// SPDX-License-Identifier: MIT
// LanguageModel (public, language_model.h) and the engine-internal factory (model_factory.h):
// validation before allocation, construction of XlstmModel / TransformerModel, prefill/step over an
// opaque DecodeState, sampling, and parameter archives. LibTorch exceptions stop here and become a
// Status naming the input.
#include "models/language_model.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <climits>
#include <cmath>
#include <new>
#include <sstream>

#include "analysis/accounting.h"
#include "models/model_factory.h"
#include "models/transformer_model.h"
#include "models/xlstm_model.h"

namespace seqscope::engine {

namespace {
std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Status fromException(const std::string& what, const std::string& context) {
    return Status(StatusCode::Internal, context + ": " + what);
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

// ---- names and validation (no allocation) ------------------------------------------------------------

const char* computeDeviceName(ComputeDevice device) { return device == ComputeDevice::Cpu ? "cpu" : "cuda"; }
const char* computeDtypeName(ComputeDtype dtype) { return dtype == ComputeDtype::Float32 ? "float32" : "bfloat16"; }

bool parseComputeDevice(const std::string& text, ComputeDevice* device) {
    const std::string t = lower(text);
    if (t == "cpu") *device = ComputeDevice::Cpu;
    else if (t == "cuda" || t == "gpu") *device = ComputeDevice::Cuda;
    else return false;
    return true;
}

bool parseComputeDtype(const std::string& text, ComputeDtype* dtype) {
    const std::string t = lower(text);
    if (t == "float32" || t == "fp32" || t == "f32") *dtype = ComputeDtype::Float32;
    else if (t == "bfloat16" || t == "bf16") *dtype = ComputeDtype::BFloat16;
    else return false;
    return true;
}

const char* mlstmFormName(MlstmForm form) {
    switch (form) {
        case MlstmForm::Parallel: return "parallel";
        case MlstmForm::Recurrent: return "recurrent";
        case MlstmForm::Chunkwise: break;
    }
    return "chunkwise";
}

bool parseMlstmForm(const std::string& text, MlstmForm* form) {
    const std::string t = lower(text);
    if (t == "chunkwise") *form = MlstmForm::Chunkwise;
    else if (t == "parallel") *form = MlstmForm::Parallel;
    else if (t == "recurrent") *form = MlstmForm::Recurrent;
    else return false;
    return true;
}

bool ModelOptions::isValid(std::string* error) const {
    auto fail = [error](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (device == ComputeDevice::Cpu && dtype != ComputeDtype::Float32)
        return fail(std::string("dtype ") + computeDtypeName(dtype) + " needs device cuda; CPU models run float32");
    if (cudaDevice < 0) return fail("cuda device index must be >= 0, got " + std::to_string(cudaDevice));
    if (!(maxParameterGiB >= 0) || std::isinf(maxParameterGiB))
        return fail("max parameter GiB must be a finite number >= 0, got " + std::to_string(maxParameterGiB));
    return true;
}

Status validateModel(const analysis::ModelShape& shape, const ModelOptions& options) {
    std::string error;
    if (!shape.isValid(&error)) return Status::invalid(error);
    if (shape.arch == analysis::Arch::Transformer && shape.headDimQK % 2 != 0)
        return Status::invalid("RoPE rotates pairs: the Transformer head dim must be even, got " +
                               std::to_string(shape.headDimQK));
    if (shape.maxContext > kMaxSupportedContext)
        return Status::invalid("max_context " + std::to_string(shape.maxContext) + " is longer than supported (" +
                               std::to_string(kMaxSupportedContext) + ")");
    if (!options.isValid(&error)) return Status::invalid(error);
    if (options.maxParameterGiB > 0) {
        const double gib = static_cast<double>(analysis::parameterCount(shape)) * 4.0 / (1024.0 * 1024.0 * 1024.0);
        if (gib > options.maxParameterGiB) {
            std::ostringstream os;
            os << shape.describe() << " needs " << gib << " GiB of float32 weights, over the limit of "
               << options.maxParameterGiB << " GiB";
            return Status(StatusCode::Unavailable, os.str());
        }
    }
    if (options.device == ComputeDevice::Cuda) {
        const int count = torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0;
        if (count == 0) return Status(StatusCode::Unavailable, "device cuda requested but no CUDA device is available");
        if (options.cudaDevice >= count)
            return Status(StatusCode::Unavailable, "cuda device " + std::to_string(options.cudaDevice) +
                                                       " requested but only " + std::to_string(count) + " exist");
    }
    return Status::ok();
}

Status validateTokens(const std::vector<int>& tokens, int batch, int vocab) {
    if (batch <= 0) return Status::invalid("batch must be positive, got " + std::to_string(batch));
    if (tokens.empty()) return Status::invalid("no tokens given");
    if (tokens.size() % static_cast<size_t>(batch) != 0)
        return Status::invalid(std::to_string(tokens.size()) + " tokens do not split into " + std::to_string(batch) +
                               " rows of equal length");
    const size_t length = tokens.size() / static_cast<size_t>(batch);
    for (size_t idx = 0; idx < tokens.size(); ++idx)
        if (tokens[idx] < 0 || tokens[idx] >= vocab)
            return Status::invalid("token id " + std::to_string(tokens[idx]) + " at row " + std::to_string(idx / length) +
                                   ", position " + std::to_string(idx % length) + " is outside the vocabulary [0, " +
                                   std::to_string(vocab) + ")");
    return Status::ok();
}

// ---- factory (model_factory.h) -----------------------------------------------------------------------

ComputeConfig computeConfig(const ModelOptions& options) {
    ComputeConfig c;
    if (options.device == ComputeDevice::Cuda)
        c.device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(options.cudaDevice));
    c.bf16Autocast = options.device == ComputeDevice::Cuda && options.dtype == ComputeDtype::BFloat16;
    c.mlstmForm = options.mlstmForm;
    return c;
}

Result<std::shared_ptr<CausalLm>> createCausalLm(const analysis::ModelShape& shape, const ModelOptions& options) {
    if (Status s = validateModel(shape, options); !s) return s;
    try {
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
        std::shared_ptr<CausalLm> model;
        if (shape.arch == analysis::Arch::XLstm)
            model = std::make_shared<XlstmModel>(shape, computeConfig(options), gen);
        else
            model = std::make_shared<TransformerModel>(shape, computeConfig(options), gen);
        return model;
    } catch (const std::bad_alloc&) {
        return Status(StatusCode::Unavailable, "out of memory allocating " + shape.describe());
    } catch (const c10::Error& e) {
        return fromException(e.what_without_backtrace(), "creating " + shape.describe());
    }
}

Result<torch::Tensor> tokensToTensor(const std::vector<int>& tokens, int batch, int vocab, torch::Device device) {
    if (Status s = validateTokens(tokens, batch, vocab); !s) return s;
    const int64_t length = static_cast<int64_t>(tokens.size()) / batch;
    torch::Tensor t = torch::empty({batch, length}, torch::kLong);
    auto* p = t.data_ptr<int64_t>();
    for (size_t idx = 0; idx < tokens.size(); ++idx) p[idx] = tokens[idx];
    return t.to(device);
}

// ---- Logits, DecodeState ------------------------------------------------------------------------------

int Logits::argmax(int b) const {
    const float* r = row(b);
    int best = 0;
    for (int v = 1; v < vocab; ++v)
        if (r[v] > r[best]) best = v;
    return best;
}

namespace {
Logits toLogits(const torch::Tensor& logits2d) {   // (B, V) on any device
    const torch::Tensor cpu = logits2d.to(torch::kCPU, torch::kFloat32).contiguous();
    Logits out;
    out.batch = static_cast<int>(cpu.size(0));
    out.vocab = static_cast<int>(cpu.size(1));
    out.values.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    return out;
}
}  // namespace

struct DecodeState::Impl {
    std::unique_ptr<LmState> state;
    const void* owner = nullptr;   // the LanguageModel::Impl that made it
};

DecodeState::DecodeState() = default;
DecodeState::~DecodeState() = default;
DecodeState::DecodeState(DecodeState&&) noexcept = default;
DecodeState& DecodeState::operator=(DecodeState&&) noexcept = default;
bool DecodeState::isValid() const { return m_impl && m_impl->state; }
int DecodeState::batch() const { return isValid() ? static_cast<int>(m_impl->state->batch()) : 0; }
long long DecodeState::position() const { return isValid() ? m_impl->state->position() : 0; }
long long DecodeState::bytes() const { return isValid() ? m_impl->state->bytes() : 0; }

DecodeState DecodeState::clone() const {
    DecodeState copy;
    if (!isValid()) return copy;
    torch::NoGradGuard noGrad;
    copy.m_impl = std::make_unique<Impl>();
    copy.m_impl->state = m_impl->state->clone();
    copy.m_impl->owner = m_impl->owner;
    return copy;
}

// ---- LanguageModel ------------------------------------------------------------------------------------

struct LanguageModel::Impl {
    analysis::ModelShape shape;
    ModelOptions options;
    std::shared_ptr<CausalLm> model;
};

LanguageModel::LanguageModel() : m_impl(std::make_unique<Impl>()) {}
LanguageModel::~LanguageModel() = default;

Result<std::unique_ptr<LanguageModel>> LanguageModel::create(const analysis::ModelShape& shape,
                                                             const ModelOptions& options) {
    auto model = createCausalLm(shape, options);
    if (!model) return model.status();
    std::unique_ptr<LanguageModel> lm(new LanguageModel());
    lm->m_impl->shape = shape;
    lm->m_impl->options = options;
    lm->m_impl->model = std::move(model.value());
    return lm;
}

const analysis::ModelShape& LanguageModel::shape() const { return m_impl->shape; }
const ModelOptions& LanguageModel::options() const { return m_impl->options; }
long long LanguageModel::parameterCount() const { return m_impl->model->parameterCount(); }
std::shared_ptr<CausalLm> LanguageModel::causalLm() const { return m_impl->model; }

long long LanguageModel::maxPositions() const { return static_cast<long long>(m_impl->model->maxPositions()); }

Result<PrefillResult> LanguageModel::prefill(const std::vector<int>& tokens, int batch) {
    auto input = tokensToTensor(tokens, batch, m_impl->shape.vocab, m_impl->model->device());
    if (!input) return input.status();
    const long long length = static_cast<long long>(tokens.size()) / batch;
    if (length > maxPositions())
        return Status::invalid("prompt of " + std::to_string(length) + " tokens is longer than the model's context (" +
                               std::to_string(maxPositions()) + ")");
    try {
        torch::NoGradGuard noGrad;
        auto [logits, state] = m_impl->model->prefill(input.value(), /*lastOnly=*/true);
        PrefillResult result;
        result.logits = toLogits(logits.select(1, 0));
        result.state.m_impl = std::make_unique<DecodeState::Impl>();
        result.state.m_impl->state = std::move(state);
        result.state.m_impl->owner = m_impl.get();
        return result;
    } catch (const c10::Error& e) {
        return fromException(e.what_without_backtrace(), "prefill");
    }
}

Result<std::vector<float>> LanguageModel::sequenceLogits(const std::vector<int>& tokens) {
    auto input = tokensToTensor(tokens, 1, m_impl->shape.vocab, m_impl->model->device());
    if (!input) return input.status();
    if (static_cast<long long>(tokens.size()) > maxPositions())
        return Status::invalid(std::to_string(tokens.size()) + " tokens are longer than the model's context (" +
                               std::to_string(maxPositions()) + ")");
    try {
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = m_impl->model->forward(input.value()).select(0, 0).to(torch::kCPU, torch::kFloat32).contiguous();
        return std::vector<float>(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel());
    } catch (const c10::Error& e) {
        return fromException(e.what_without_backtrace(), "forward");
    }
}

Result<LanguageModel::LossResult> LanguageModel::evaluateLoss(const std::vector<int>& tokens, int context, int batch) {
    if (context < 1 || batch < 1) return Status::invalid("evaluation needs context >= 1 and batch >= 1");
    if (context > maxPositions())
        return Status::invalid("context " + std::to_string(context) + " is longer than the model's (" + std::to_string(maxPositions()) + ")");
    if (tokens.size() < 2) return Status::invalid("evaluation needs at least 2 tokens, got " + std::to_string(tokens.size()));
    if (Status s = validateTokens(tokens, 1, m_impl->shape.vocab); !s) return s;
    LossResult result;
    double sum = 0;
    try {
        torch::NoGradGuard noGrad;
        const auto device = m_impl->model->device();
        std::vector<std::pair<size_t, size_t>> windows;   // [begin, end) of input + target tokens
        for (size_t begin = 0; begin + 1 < tokens.size(); begin += static_cast<size_t>(context))
            windows.emplace_back(begin, std::min(tokens.size(), begin + static_cast<size_t>(context) + 1));
        // Full windows go in batches; a shorter last one alone.
        for (size_t w = 0; w < windows.size();) {
            const size_t width = windows[w].second - windows[w].first;
            size_t n = 0;
            std::vector<std::int64_t> flat;
            while (w + n < windows.size() && n < static_cast<size_t>(batch) && windows[w + n].second - windows[w + n].first == width) {
                flat.insert(flat.end(), tokens.begin() + static_cast<long>(windows[w + n].first), tokens.begin() + static_cast<long>(windows[w + n].second));
                ++n;
            }
            const torch::Tensor all = torch::from_blob(flat.data(), {static_cast<long>(n), static_cast<long>(width)}, torch::kInt64).to(device);
            const torch::Tensor logits = m_impl->model->forward(all.narrow(1, 0, static_cast<long>(width) - 1));
            sum += torch::nn::functional::cross_entropy(
                       logits.reshape({-1, logits.size(-1)}).to(torch::kFloat32), all.narrow(1, 1, static_cast<long>(width) - 1).reshape({-1}),
                       torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                       .item<double>();
            result.predicted += static_cast<long long>(n * (width - 1));
            result.windows += static_cast<long long>(n);
            w += n;
        }
    } catch (const c10::Error& e) {
        return fromException(e.what_without_backtrace(), "evaluation");
    }
    result.meanLoss = sum / static_cast<double>(result.predicted);
    return result;
}

Result<Logits> LanguageModel::step(const std::vector<int>& tokens, DecodeState& state) {
    if (!state.isValid()) return Status::invalid("step needs a state from prefill()");
    if (state.m_impl->owner != m_impl.get()) return Status::invalid("the decode state belongs to another model");
    if (static_cast<int>(tokens.size()) != state.batch())
        return Status::invalid("step takes one token per row: " + std::to_string(tokens.size()) + " tokens for " +
                               std::to_string(state.batch()) + " rows");
    if (state.position() + 1 > maxPositions())
        return Status::invalid("context " + std::to_string(state.position() + 1) + " is longer than the model's (" +
                               std::to_string(maxPositions()) + ")");
    auto input = tokensToTensor(tokens, state.batch(), m_impl->shape.vocab, m_impl->model->device());
    if (!input) return input.status();
    try {
        torch::NoGradGuard noGrad;
        return toLogits(m_impl->model->step(input.value().select(1, 0), *state.m_impl->state));
    } catch (const c10::Error& e) {
        return fromException(e.what_without_backtrace(), "step");
    }
}

Result<GenerateResult> LanguageModel::generate(const std::vector<int>& prompt, int newTokens, double temperature,
                                               std::uint64_t seed) {
    if (prompt.empty()) return Status::invalid("generate needs a non-empty prompt");
    if (newTokens < 0) return Status::invalid("number of tokens to generate must be >= 0, got " + std::to_string(newTokens));
    if (!std::isfinite(temperature)) return Status::invalid("temperature must be finite");
    if (static_cast<long long>(prompt.size()) + newTokens > maxPositions())
        return Status::invalid("prompt (" + std::to_string(prompt.size()) + ") + generated (" + std::to_string(newTokens) +
                               ") tokens exceed the model's context (" + std::to_string(maxPositions()) + ")");
    auto input = tokensToTensor(prompt, 1, m_impl->shape.vocab, m_impl->model->device());
    if (!input) return input.status();
    try {
        torch::NoGradGuard noGrad;
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
        auto sample = [&](const torch::Tensor& logits) -> int64_t {   // logits (1, V)
            const torch::Tensor cpu = logits.to(torch::kCPU, torch::kFloat32);
            if (temperature <= 0) return cpu.argmax(-1).item<int64_t>();
            const torch::Tensor probs = torch::softmax(cpu / temperature, -1);
            return torch::multinomial(probs, 1, false, gen).item<int64_t>();
        };
        GenerateResult result;
        auto t0 = std::chrono::steady_clock::now();
        auto [logits, state] = m_impl->model->prefill(input.value(), true);
        int64_t next = newTokens > 0 ? sample(logits.select(1, 0)) : 0;
        result.prefillSeconds = secondsSince(t0);
        t0 = std::chrono::steady_clock::now();
        auto tokenOpts = torch::TensorOptions().dtype(torch::kLong).device(m_impl->model->device());
        for (int n = 0; n < newTokens; ++n) {
            result.tokens.push_back(static_cast<int>(next));
            if (n + 1 == newTokens) break;
            const torch::Tensor stepLogits = m_impl->model->step(torch::full({1}, next, tokenOpts), *state);
            next = sample(stepLogits);
        }
        result.decodeSeconds = secondsSince(t0);
        result.stateBytes = state->bytes();
        return result;
    } catch (const c10::Error& e) {
        return fromException(e.what_without_backtrace(), "generate");
    }
}

Status LanguageModel::saveParameters(const std::string& path) const {
    try {
        torch::serialize::OutputArchive archive;
        for (const auto& p : m_impl->model->named_parameters(true)) archive.write(p.key(), p.value().detach().to(torch::kCPU));
        archive.save_to(path);
        return Status::ok();
    } catch (const c10::Error& e) {
        return Status::io("writing " + path + ": " + e.what_without_backtrace());
    }
}

Status LanguageModel::loadParameters(const std::string& path) {
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
    } catch (const c10::Error& e) {
        return Status(StatusCode::Incompatible, path + ": not a Seqscope parameter archive (" +
                                                    std::string(e.what_without_backtrace()).substr(0, 200) + ")");
    }
    try {
        torch::NoGradGuard noGrad;
        auto params = m_impl->model->named_parameters(true);
        std::vector<std::pair<torch::Tensor, torch::Tensor>> pending;   // checked fully before any copy
        for (const auto& p : params) {
            torch::Tensor t;
            if (!archive.try_read(p.key(), t))
                return Status(StatusCode::Incompatible, path + ": parameter '" + p.key() + "' is missing");
            if (t.sizes() != p.value().sizes()) {
                std::ostringstream os;
                os << path << ": parameter '" << p.key() << "' has shape " << t.sizes() << ", the model expects "
                   << p.value().sizes();
                return Status(StatusCode::Incompatible, os.str());
            }
            pending.emplace_back(p.value(), t);
        }
        for (auto& [dst, src] : pending) dst.copy_(src);
        return Status::ok();
    } catch (const c10::Error& e) {
        return Status::io("reading " + path + ": " + e.what_without_backtrace());
    }
}

}  // namespace seqscope::engine
