// SPDX-License-Identifier: MIT
// Model directories in the official layouts (engine/interop): `model import` registers one in the
// database, `model list` shows them, `model export` writes a trained run as one, `model logits`
// prints next-token logits (the interop tests compare them with the official implementations) and
// `model eval` gives the mean loss on a token or text file. --checkpoint takes a directory or the
// name/id of a registered model.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/data/corpus.h"
#include "engine/interop/model_directory.h"
#include "engine/training/trainer.h"
#include "engine/training/training_config.h"
#include "runs/run_resolver.h"
#include "storage/store.h"

namespace seqscope::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using engine::LanguageModel;

int failWith(Context& ctx, const std::string& command, const Status& status) {
    *ctx.err << "seqscope-cli " << command << ": " << status.message() << "\n";
    return kExitFailure;
}

json shapeJson(const analysis::ModelShape& s) {
    return {{"arch", analysis::archName(s.arch)}, {"d_model", s.dModel}, {"layers", s.layers}, {"heads", s.heads},
            {"head_dim_qk", s.headDimQK}, {"head_dim_v", s.headDimV}, {"ffn_dim", s.ffnDim}, {"vocab", s.vocab},
            {"chunk", s.chunk}, {"max_context", s.maxContext}, {"norm_eps", s.normEps}, {"cell_eps", s.cellEps},
            {"gate_soft_cap", s.gateSoftCap}, {"logit_soft_cap", s.logitSoftCap}, {"rope_theta", s.ropeTheta}};
}

engine::ModelOptions computeOptions(const Args& args) {
    engine::ModelOptions o;
    if (args.has("device") && !engine::parseComputeDevice(args.str("device"), &o.device))
        throw UsageError("--device must be cpu or cuda, got '" + args.str("device") + "'");
    if (args.has("form") && !engine::parseMlstmForm(args.str("form"), &o.mlstmForm))
        throw UsageError("--form must be chunkwise, parallel or recurrent, got '" + args.str("form") + "'");
    return o;
}

Result<std::unique_ptr<LanguageModel>> loadCheckpoint(Context& ctx) {
    auto dir = runs::modelDirectoryFor(ctx.args.str("checkpoint"), ctx.dbPath);
    if (!dir) return dir.status();
    return interop::loadModelDirectory(*dir, computeOptions(ctx.args));
}

// --- import / list ----------------------------------------------------------------------------------

int runImport(Context& ctx) {
    const auto& pos = ctx.args.positional();
    if (pos.size() != 1) throw UsageError("give one model directory");
    auto info = interop::inspectModelDirectory(pos[0]);
    if (!info) return failWith(ctx, "model import", info.status());
    storage::ModelRecord record;
    record.path = fs::absolute(pos[0]).lexically_normal().string();
    if (!record.path.empty() && record.path.back() == '/') record.path.pop_back();
    record.name = ctx.args.str("name", fs::path(record.path).filename().string());
    record.layout = interop::layoutName(info->config.layout);
    record.arch = analysis::archName(info->config.shape.arch);
    record.params = info->parameters;
    record.configJson = shapeJson(info->config.shape).dump();
    auto store = storage::Store::open(ctx.dbPath);
    if (!store) return failWith(ctx, "model import", store.status());
    auto id = (*store)->addModel(record);
    if (!id) return failWith(ctx, "model import", id.status());
    if (ctx.json) {
        json j = {{"id", *id}, {"name", record.name}, {"path", record.path}, {"layout", record.layout},
                  {"params", record.params}, {"shards", info->shards}, {"dtype", info->dtype},
                  {"shape", shapeJson(info->config.shape)}};
        *ctx.out << j.dump(2) << "\n";
    } else {
        *ctx.out << "model " << *id << " '" << record.name << "': " << record.layout << ", "
                 << info->config.shape.describe() << ", " << record.params << " parameters in " << info->shards
                 << (info->shards == 1 ? " file" : " shards") << " (" << info->dtype << ")\n";
    }
    return kExitOk;
}

int runList(Context& ctx) {
    storage::StoreOptions options;
    options.createIfMissing = false;
    auto store = storage::Store::open(ctx.dbPath, options);
    if (!store) return failWith(ctx, "model list", store.status());
    auto models = (*store)->models();
    if (!models) return failWith(ctx, "model list", models.status());
    if (ctx.json) {
        json list = json::array();
        for (const auto& m : *models)
            list.push_back({{"id", m.id}, {"name", m.name}, {"path", m.path}, {"layout", m.layout}, {"arch", m.arch},
                            {"params", m.params}, {"shape", json::parse(m.configJson, nullptr, false)}});
        *ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    if (models->empty()) *ctx.out << "no models registered (seqscope-cli model import DIR)\n";
    for (const auto& m : *models)
        *ctx.out << m.id << "  " << m.name << "  " << m.layout << "  " << m.params << " params  " << m.path << "\n";
    return kExitOk;
}

// --- export -----------------------------------------------------------------------------------------

int runExport(Context& ctx) {
    const long long runId = ctx.args.integer("run");
    const std::string out = ctx.args.str("out");
    if (out.empty()) throw UsageError("--out DIR is required");
    interop::ExportOptions options;
    options.bfloat16 = ctx.args.has("bf16");
    options.dropLogitCap = ctx.args.has("drop-logit-cap");
    if (ctx.args.has("shard-size")) {
        options.shardBytes = ctx.args.integer("shard-size");
        if (options.shardBytes <= 0) throw UsageError("--shard-size must be a positive number of bytes");
    }
    storage::StoreOptions so;
    so.createIfMissing = false;
    so.readOnly = true;
    auto store = storage::Store::open(ctx.dbPath, so);
    if (!store) return failWith(ctx, "model export", store.status());
    auto run = (*store)->run(runId);
    if (!run) return failWith(ctx, "model export", run.status());
    auto config = training::trainingConfigFromJson(run->configJson);
    if (!config) return failWith(ctx, "model export", Status(config.status()).withContext("run " + std::to_string(runId)));
    options.layout = interop::defaultLayout(config->shape.arch);
    if (ctx.args.has("layout") && !interop::parseLayout(ctx.args.str("layout"), &options.layout))
        throw UsageError("--layout must be xlstm-large, hf-xlstm or llama, got '" + ctx.args.str("layout") + "'");
    const std::string weights = config->checkpointDir.empty() ? std::string() : training::finalWeightsPath(config->checkpointDir);
    std::error_code ec;
    if (weights.empty() || !fs::exists(weights, ec))
        return failWith(ctx, "model export",
                        Status::notFound("run " + std::to_string(runId) + " kept no final weights" +
                                         (weights.empty() ? std::string(" (it had no checkpoint directory)") : " at " + weights) +
                                         "; only runs that finished with keep_final_weights (the default) can be exported"));
    auto model = LanguageModel::create(config->shape);
    if (!model) return failWith(ctx, "model export", model.status());
    if (Status s = interop::loadWeightsFile(**model, weights); !s) return failWith(ctx, "model export", s);
    if (Status s = interop::exportModelDirectory(**model, out, options); !s) return failWith(ctx, "model export", s);
    if (ctx.json)
        *ctx.out << json({{"run", runId}, {"out", out}, {"layout", interop::layoutName(options.layout)},
                          {"dtype", options.bfloat16 ? "BF16" : "F32"}}).dump(2) << "\n";
    else
        *ctx.out << "run " << runId << " -> " << out << " (" << interop::layoutName(options.layout) << ", "
                 << (options.bfloat16 ? "bfloat16" : "float32") << ")\n";
    return kExitOk;
}

// --- logits / eval ----------------------------------------------------------------------------------

std::vector<int> parseTokens(const std::string& text) {
    std::vector<int> tokens;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        size_t used = 0;
        long long v = -1;
        try {
            v = std::stoll(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != item.size() || v < 0 || v > 1'000'000'000)
            throw UsageError("--tokens must be comma-separated token ids >= 0, got '" + item + "'");
        tokens.push_back(static_cast<int>(v));
    }
    if (tokens.empty()) throw UsageError("--tokens must not be empty");
    return tokens;
}

int runLogits(Context& ctx) {
    const std::vector<int> tokens = parseTokens(ctx.args.str("tokens"));
    const long long prefill = ctx.args.integer("prefill", 0);
    if (prefill < 0 || prefill > static_cast<long long>(tokens.size()))
        throw UsageError("--prefill must be between 1 and the number of tokens");
    auto model = loadCheckpoint(ctx);
    if (!model) return failWith(ctx, "model logits", model.status());
    const int vocab = (*model)->shape().vocab;
    std::vector<std::vector<float>> rows;
    if (prefill == 0) {   // one full-sequence pass
        auto logits = (*model)->sequenceLogits(tokens);
        if (!logits) return failWith(ctx, "model logits", logits.status());
        for (size_t p = 0; p < tokens.size(); ++p)
            rows.emplace_back(logits->begin() + static_cast<long>(p * vocab), logits->begin() + static_cast<long>((p + 1) * vocab));
    } else {              // prefill the first tokens, then one decode step per remaining token
        auto first = (*model)->prefill(std::vector<int>(tokens.begin(), tokens.begin() + prefill), 1);
        if (!first) return failWith(ctx, "model logits", first.status());
        rows.push_back(first->logits.values);
        for (size_t p = static_cast<size_t>(prefill); p < tokens.size(); ++p) {
            auto next = (*model)->step({tokens[p]}, first->state);
            if (!next) return failWith(ctx, "model logits", next.status());
            rows.push_back(next->values);
        }
    }
    if (ctx.json) {
        *ctx.out << json({{"tokens", tokens}, {"prefill", prefill}, {"vocab", vocab}, {"logits", rows}}).dump() << "\n";
    } else {
        for (size_t r = 0; r < rows.size(); ++r) {
            size_t best = 0;
            for (size_t v = 1; v < rows[r].size(); ++v)
                if (rows[r][v] > rows[r][best]) best = v;
            *ctx.out << "position " << (prefill ? static_cast<size_t>(prefill) - 1 + r : r) << ": argmax " << best
                     << " (logit " << rows[r][best] << ")\n";
        }
    }
    return kExitOk;
}

int runEval(Context& ctx) {
    const std::string data = ctx.args.str("data");
    if (data.empty()) throw UsageError("--data FILE is required");
    const long long context = ctx.args.integer("context", 256), batch = ctx.args.integer("batch", 8);
    if (context < 1 || context > 1'000'000 || batch < 1 || batch > 4096)
        throw UsageError("--context and --batch must be positive (context <= 1e6, batch <= 4096)");
    auto model = loadCheckpoint(ctx);
    if (!model) return failWith(ctx, "model eval", model.status());
    data::CorpusOptions co;
    co.vocab = static_cast<int>(ctx.args.integer("token-vocab", 0));
    co.valFraction = 0.5;   // every token is evaluated; the split only orders them (train part, then held-out part)
    auto corpus = data::loadCorpus(data, co);
    if (!corpus) return failWith(ctx, "model eval", corpus.status());
    std::vector<int> tokens(corpus->train.begin(), corpus->train.end());
    tokens.insert(tokens.end(), corpus->val.begin(), corpus->val.end());
    auto loss = (*model)->evaluateLoss(tokens, static_cast<int>(context), static_cast<int>(batch));
    if (!loss) return failWith(ctx, "model eval", loss.status());
    if (ctx.json)
        *ctx.out << json({{"data", data}, {"mean_loss", loss->meanLoss}, {"tokens_scored", loss->predicted},
                          {"windows", loss->windows}, {"context", context}}).dump(2) << "\n";
    else
        *ctx.out << "mean loss " << loss->meanLoss << " nats over " << loss->predicted << " tokens (" << loss->windows
                 << " windows of " << context << ")\n";
    return kExitOk;
}

std::vector<OptionSpec> loadOptions() {
    return {{"checkpoint", "DIR|NAME", "model directory, or the name or id of an imported model", "", "Model"},
            {"device", "DEV", "cpu or cuda", "cpu", "Model"},
            {"form", "F", "xLSTM: chunkwise, parallel or recurrent form for full-sequence passes", "chunkwise", "Model"}};
}

}  // namespace

void registerModelIoCommands(Registry& registry) {
    Command import;
    import.path = "model import";
    import.summary = "register a model directory (config.json + safetensors) in the database";
    import.description =
        "Reads config.json (xLSTMLargeConfig, transformers xLSTMConfig or LlamaConfig) and checks every tensor's\n"
        "name, shape and dtype against it, without loading the weights; the files stay where they are.\n"
        "  seqscope-cli model import ./xLSTM-7b --name xlstm-7b";
    import.positionalUsage = "DIR";
    import.options = {{"name", "NAME", "name in the database", "the directory's name", "Options"}};
    import.usesDatabase = true;
    import.handler = runImport;
    registry.add(std::move(import));

    Command list;
    list.path = "model list";
    list.summary = "list the imported models";
    list.usesDatabase = true;
    list.handler = runList;
    registry.add(std::move(list));

    Command exp;
    exp.path = "model export";
    exp.summary = "write a trained run as an official model directory";
    exp.description =
        "xLSTM runs become xLSTMLarge directories (or transformers' xLSTMForCausalLM with --layout hf-xlstm),\n"
        "Transformers become LlamaForCausalLM directories. Needs the run's final weights (kept by default).\n"
        "  seqscope-cli model export --run 3 --out ./run3-hf --shard-size 2000000000";
    exp.options = {{"run", "ID", "the run", "", "Options"},
                   {"out", "DIR", "new (or empty) directory", "", "Options"},
                   {"layout", "L", "xlstm-large, hf-xlstm (xLSTM) or llama (Transformer)", "by architecture", "Options"},
                   {"bf16", "", "store bfloat16 weights (as the released 7B models)", "", "Options"},
                   {"shard-size", "BYTES", "split the weights into shards of at most this size", "one file", "Options"},
                   {"drop-logit-cap", "", "llama: export a Transformer without its logit soft-cap", "", "Options"}};
    exp.usesDatabase = true;
    exp.handler = runExport;
    registry.add(std::move(exp));

    Command logits;
    logits.path = "model logits";
    logits.summary = "next-token logits of a model directory for given token ids";
    logits.description =
        "Batch 1, float32. Without --prefill one full-sequence pass gives the logits at every position; with\n"
        "--prefill K the first K tokens are prefilled and the rest fed one decode step at a time (logits after\n"
        "the prefill and after each step). --json prints {\"logits\": [positions][vocab]}.\n"
        "  seqscope-cli model logits --checkpoint ./xlstm-small --tokens 1,2,3 --json";
    logits.options = loadOptions();
    logits.options.push_back({"tokens", "IDS", "comma-separated token ids", "", "Input"});
    logits.options.push_back({"prefill", "K", "prefill K tokens, then decode step by step", "0 (one pass)", "Input"});
    logits.usesDatabase = true;
    logits.handler = runLogits;
    registry.add(std::move(logits));

    Command eval;
    eval.path = "model eval";
    eval.summary = "mean next-token loss of a model directory on a token or text file";
    eval.description =
        "Data as for `train --data`: tokens:PATH (uint16, llm.c header optional), text:PATH (bytes), or PATH.\n"
        "  seqscope-cli model eval --checkpoint ./run3-hf --data tokens:val.bin --context 1024";
    eval.options = loadOptions();
    eval.options.push_back({"data", "SPEC", "token or text file", "", "Input"});
    eval.options.push_back({"token-vocab", "V", "token files: vocabulary (0 = from the header or max id + 1)", "0", "Input"});
    eval.options.push_back({"context", "T", "tokens per window", "256", "Input"});
    eval.options.push_back({"batch", "B", "windows per pass", "8", "Input"});
    eval.usesDatabase = true;
    eval.handler = runEval;
    registry.add(std::move(eval));
}

}  // namespace seqscope::cli
