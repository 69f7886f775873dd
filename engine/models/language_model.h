// SPDX-License-Identifier: MIT
// LanguageModel: the public, LibTorch-free face of Seqscope's two language models (xLSTM in the
// xLSTM-7B layout, Llama-style Transformer; ../shared/reference/mlstm.md 6-7). Create one from a
// ModelShape, count its parameters from the instantiated module, prefill a batch of prompts, step
// one token per row with an opaque DecodeState, or generate (greedy / temperature sampling).
// Every input is checked before anything is allocated: bad shapes, options, contexts and token
// ids come back as a Status naming the value. The trainer and benchmarks reach the LibTorch module
// through models/model_factory.h (engine-internal).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/model_shape.h"
#include "common/status.h"

namespace seqscope::engine {

enum class ComputeDevice { Cpu, Cuda };
enum class ComputeDtype { Float32, BFloat16 };
// Which of the mLSTM's equivalent forms a full-sequence pass uses (decode steps are always recurrent;
// a pass that carries state in or out uses the chunkwise form unless Recurrent is asked for).
enum class MlstmForm { Chunkwise, Parallel, Recurrent };
const char* computeDeviceName(ComputeDevice device);   // "cpu" | "cuda"
const char* computeDtypeName(ComputeDtype dtype);      // "float32" | "bfloat16"
bool parseComputeDevice(const std::string& text, ComputeDevice* device);   // cpu, cuda
bool parseComputeDtype(const std::string& text, ComputeDtype* dtype);      // float32/fp32, bfloat16/bf16
const char* mlstmFormName(MlstmForm form);                                // "chunkwise" | "parallel" | "recurrent"
bool parseMlstmForm(const std::string& text, MlstmForm* form);

// Longest max_context a model may be created with (positions; the RoPE table and KV cache are
// sized from it lazily, so this only guards against nonsense values).
inline constexpr long long kMaxSupportedContext = 1LL << 20;

struct ModelOptions {
    ComputeDevice device = ComputeDevice::Cpu;
    int cudaDevice = 0;                          // CUDA ordinal, used when device == Cuda
    ComputeDtype dtype = ComputeDtype::Float32;  // compute precision; BFloat16 = CUDA autocast over float32 master weights
    std::uint64_t seed = 0;                      // seed of the initialisation RNG (same seed, same weights)
    double maxParameterGiB = 0;                  // refuse models whose float32 weights exceed this many GiB; 0 = no limit
    MlstmForm mlstmForm = MlstmForm::Chunkwise;  // xLSTM only; the forms agree to float rounding
    bool isValid(std::string* error) const;
};

// Checks everything that needs no allocation: ModelShape::isValid (positive sizes, heads divide
// d_model, ...), an even Transformer head dim (RoPE pairs), max_context <= kMaxSupportedContext,
// the options, the weight budget and that a requested CUDA device exists.
Status validateModel(const analysis::ModelShape& shape, const ModelOptions& options);

// Token ids row-major (batch, length): batch > 0, length > 0, tokens.size() == batch * length and
// every id in [0, vocab). Messages name the offending id with its row and position.
Status validateTokens(const std::vector<int>& tokens, int batch, int vocab);

// Next-token logits on the CPU, float32, soft-capped at 30 like the model's output.
struct Logits {
    int batch = 0;
    int vocab = 0;
    std::vector<float> values;   // (batch, vocab) row-major
    const float* row(int b) const { return values.data() + static_cast<size_t>(b) * vocab; }
    int argmax(int b) const;
};

// Opaque decode state of one batch: per-layer (C, n, m) for the xLSTM (constant size), a KV cache
// for the Transformer (grows with every token). Move-only; clone() to branch.
class DecodeState {
public:
    DecodeState();
    ~DecodeState();
    DecodeState(DecodeState&&) noexcept;
    DecodeState& operator=(DecodeState&&) noexcept;

    bool isValid() const;
    int batch() const;
    long long position() const;     // tokens consumed per row so far
    long long bytes() const;        // live state bytes (KV cache: positions filled, not capacity)
    DecodeState clone() const;

private:
    friend class LanguageModel;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

struct PrefillResult {
    Logits logits;        // at the last prompt position of each row
    DecodeState state;    // ready for step()
};

struct GenerateResult {
    std::vector<int> tokens;        // the newly generated ids (prompt not included)
    double prefillSeconds = 0;      // wall time of the prompt pass
    double decodeSeconds = 0;       // wall time of all steps
    long long stateBytes = 0;       // decode state size after the last token
};

class CausalLm;   // engine-internal LibTorch module, see models/model_factory.h

class LanguageModel {
public:
    // Validates (validateModel), then allocates and initialises the module with the reference
    // initialisation (mlstm.md 6.3 / 7) from options.seed.
    static Result<std::unique_ptr<LanguageModel>> create(const analysis::ModelShape& shape,
                                                         const ModelOptions& options = {});
    ~LanguageModel();
    LanguageModel(const LanguageModel&) = delete;
    LanguageModel& operator=(const LanguageModel&) = delete;

    const analysis::ModelShape& shape() const;
    const ModelOptions& options() const;
    long long parameterCount() const;   // counted from the instantiated module's parameters
    long long maxPositions() const;     // Transformer: max_context; xLSTM: no limit (LLONG_MAX)

    // Runs `tokens` (row-major (batch, length)) from an empty state. Logits at the last position.
    Result<PrefillResult> prefill(const std::vector<int>& tokens, int batch);
    // One token per row (tokens.size() == state.batch()); the state advances by one position.
    Result<Logits> step(const std::vector<int>& tokens, DecodeState& state);
    // Batch 1: prefill `prompt` (non-empty), then `newTokens` steps. temperature <= 0 is greedy,
    // otherwise softmax(logits / temperature) sampled with an RNG seeded by `seed`.
    Result<GenerateResult> generate(const std::vector<int>& prompt, int newTokens, double temperature,
                                    std::uint64_t seed);

    // Next-token logits at every position of one sequence (batch 1), from an empty state: `length`
    // rows of `vocab` float32 values, row-major. The full-sequence (training) pass, in options().mlstmForm.
    Result<std::vector<float>> sequenceLogits(const std::vector<int>& tokens);

    // Mean next-token cross-entropy over `tokens`, cut into windows of context + 1 tokens (the
    // last partial window included when it has at least 2 tokens), `batch` windows per pass.
    struct LossResult {
        double meanLoss = 0;           // nats per predicted token
        long long predicted = 0;       // tokens scored
        long long windows = 0;
    };
    Result<LossResult> evaluateLoss(const std::vector<int>& tokens, int context, int batch);

    // Parameters as a LibTorch archive (name -> tensor). Loading checks every name and shape and
    // names the first mismatch. The trainer's checkpoint format may embed this.
    Status saveParameters(const std::string& path) const;
    Status loadParameters(const std::string& path);

    // Engine-internal: the LibTorch module, for the trainer and benchmarks (models/model_factory.h).
    std::shared_ptr<CausalLm> causalLm() const;

private:
    LanguageModel();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace seqscope::engine
