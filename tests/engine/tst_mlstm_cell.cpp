// SPDX-License-Identifier: MIT
// The three mLSTM forms agree (../shared/reference/mlstm.md section 8): on fresh random inputs of
// odd and long lengths (7, 65, 93, 500 with chunks 16, 32, 64, 64) the float32 parallel, chunkwise
// and recurrent forms match a float64 parallel evaluation to 1e-4 relative (max-norm), the float64
// forms match each other to rounding with eps = 0, the chunkwise gradients match the parallel ones,
// and state passing across segments reproduces one pass.
// LibTorch comes before any Qt header (Qt's `slots` macro breaks LibTorch); the target is built
// with QT_NO_KEYWORDS and uses Q_SLOTS.
#include <torch/torch.h>

#include <QTest>

#include "models/mlstm_cell.h"

using namespace seqscope::engine;
using torch::Tensor;

namespace {

struct Inputs {
    Tensor q, k, v, i, f;
    Inputs to(torch::ScalarType t) const { return {q.to(t), k.to(t), v.to(t), i.to(t), f.to(t)}; }
};

// N(0,1) q/k/v/i and f = 3 + N(0,1), as the reference's arbitrary-length tests draw them.
Inputs randomInputs(int64_t b, int64_t nh, int64_t s, int64_t dqk, int64_t dhv, uint64_t seed) {
    torch::manual_seed(seed);
    const auto o = torch::TensorOptions().dtype(torch::kFloat64);
    return {torch::randn({b, nh, s, dqk}, o), torch::randn({b, nh, s, dqk}, o), torch::randn({b, nh, s, dhv}, o),
            torch::randn({b, nh, s}, o), 3.0 + torch::randn({b, nh, s}, o)};
}

// max|a - b| / max|b|, in float64
double relErr(const Tensor& a, const Tensor& b) {
    const Tensor bd = b.to(torch::kFloat64);
    const double scale = std::max(bd.abs().max().item<double>(), 1e-300);
    return (a.to(torch::kFloat64) - bd).abs().max().item<double>() / scale;
}

#define CHECK_REL(a, b, tol)                                                                                  \
    do {                                                                                                      \
        const double e_ = relErr((a), (b));                                                                   \
        if (qEnvironmentVariableIsSet("SEQSCOPE_VERBOSE")) qInfo("%s vs %s: %.3g", #a, #b, e_);              \
        if (!(e_ <= (tol))) QFAIL(qPrintable(QStringLiteral("%1 vs %2: relative error %3 > %4")               \
                                                 .arg(QLatin1String(#a), QLatin1String(#b)).arg(e_).arg(tol))); \
    } while (0)

}  // namespace

class TestMlstmCell : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void formsAgreeWithFloat64Parallel_data() {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("chunk");
        QTest::newRow("length 7, chunk 16 (shorter than one chunk)") << 7 << 16;
        QTest::newRow("length 65, chunk 32 (two chunks + 1)") << 65 << 32;
        QTest::newRow("length 93, chunk 64 (one chunk + 29)") << 93 << 64;
        QTest::newRow("length 500, chunk 64 (seven chunks + 52)") << 500 << 64;
        QTest::newRow("length 301, chunk 4 (75 chunks: blocks of 64 + 11, + 1)") << 301 << 4;
    }
    void formsAgreeWithFloat64Parallel() {
        QFETCH(int, length);
        QFETCH(int, chunk);
        const Inputs x64 = randomInputs(2, 2, length, 16, 32, 1000 + length);
        const Inputs x32 = x64.to(torch::kFloat32);
        const Tensor oracle = mlstmParallel(x64.q, x64.k, x64.v, x64.i, x64.f);
        const MlstmOutput seq64 = mlstmRecurrentSequence(x64.q, x64.k, x64.v, x64.i, x64.f, nullptr);

        const Tensor par32 = mlstmParallel(x32.q, x32.k, x32.v, x32.i, x32.f);
        const MlstmOutput chunk32 = mlstmChunkwise(x32.q, x32.k, x32.v, x32.i, x32.f, nullptr, chunk);
        const MlstmOutput seq32 = mlstmRecurrentSequence(x32.q, x32.k, x32.v, x32.i, x32.f, nullptr);
        QCOMPARE(chunk32.h.scalar_type(), torch::kFloat32);
        QVERIFY(chunk32.h.sizes() == torch::IntArrayRef({2, 2, length, 32}));
        CHECK_REL(par32, oracle, 1e-4);
        CHECK_REL(chunk32.h, oracle, 1e-4);
        CHECK_REL(seq32.h, oracle, 1e-4);
        // final states of the chunkwise form against the float64 recurrent sequence
        CHECK_REL(chunk32.state.c, seq64.state.c, 1e-4);
        CHECK_REL(chunk32.state.n, seq64.state.n, 1e-4);
        CHECK_REL(chunk32.state.m, seq64.state.m, 1e-4);
    }

    // Without eps the forms are algebraically identical, so in float64 they agree to rounding; a
    // wrong gate index or a missing state term shows up here as an O(1) error.
    void float64FormsAgreeToRoundingWithoutEps_data() { formsAgreeWithFloat64Parallel_data(); }
    void float64FormsAgreeToRoundingWithoutEps() {
        QFETCH(int, length);
        QFETCH(int, chunk);
        torch::manual_seed(7);
        Inputs x = randomInputs(1, 3, length, 8, 12, 77 + length);
        x.f = torch::randn_like(x.f);   // stronger forgetting than 3 + N(0,1): more of the max logic in play
        const Tensor par = mlstmParallel(x.q, x.k, x.v, x.i, x.f, 0.0);
        const MlstmOutput chunked = mlstmChunkwiseNative(x.q, x.k, x.v, x.i, x.f, nullptr, chunk, 0.0);
        const MlstmOutput seq = mlstmRecurrentSequence(x.q, x.k, x.v, x.i, x.f, nullptr, 0.0);
        CHECK_REL(chunked.h, par, 1e-10);
        CHECK_REL(seq.h, par, 1e-10);
        CHECK_REL(chunked.state.c, seq.state.c, 1e-10);
        CHECK_REL(chunked.state.n, seq.state.n, 1e-10);
        CHECK_REL(chunked.state.m, seq.state.m, 1e-12);
    }

    // Loss of the reference harness: sum((LayerNorm_lastdim(h) + offset)^2) (mlstm.md section 8).
    void chunkwiseGradientsMatchParallel() {
        const int64_t s = 93, chunk = 32;
        const Inputs base = randomInputs(1, 2, s, 16, 32, 4242);
        torch::manual_seed(99);
        const Tensor offset = torch::randn({1, 2, s, 32}, torch::kFloat64);
        auto grads = [&](const Inputs& x, bool chunkwise, double eps) {
            std::vector<Tensor> leaves = {x.q.clone().requires_grad_(true), x.k.clone().requires_grad_(true),
                                          x.v.clone().requires_grad_(true), x.i.clone().requires_grad_(true),
                                          x.f.clone().requires_grad_(true)};
            const Tensor h =
                chunkwise ? mlstmChunkwiseNative(leaves[0], leaves[1], leaves[2], leaves[3], leaves[4], nullptr, chunk, eps).h
                          : mlstmParallel(leaves[0], leaves[1], leaves[2], leaves[3], leaves[4], eps);
            const Tensor ln = torch::layer_norm(h, {32}, {}, {}, 1e-5);
            (ln + offset.to(h.scalar_type())).pow(2).sum().backward();
            std::vector<Tensor> g;
            for (auto& l : leaves) g.push_back(l.grad());
            return g;
        };
        // float64 without eps: identical algebra, so gradients agree to rounding
        const auto ref0 = grads(base, false, 0.0);
        const auto g64 = grads(base, true, 0.0);
        // float32 chunkwise with the model's eps against the float64 parallel form with the same eps
        const auto ref = grads(base, false, kMlstmEps);
        const auto g32 = grads(base.to(torch::kFloat32), true, kMlstmEps);
        const char* names[] = {"dq", "dk", "dv", "di", "df"};
        for (size_t n = 0; n < ref.size(); ++n) {
            const double e64 = relErr(g64[n], ref0[n]), e32 = relErr(g32[n], ref[n]);
            if (qEnvironmentVariableIsSet("SEQSCOPE_VERBOSE")) qInfo("%s: float64 %.3g, float32 %.3g", names[n], e64, e32);
            if (!(e64 <= 1e-9) || !(e32 <= 1e-4))
                QFAIL(qPrintable(QStringLiteral("%1: float64 chunkwise error %2 (tol 1e-9), float32 error %3 (tol 1e-4)")
                                     .arg(QLatin1String(names[n])).arg(e64).arg(e32)));
        }
    }

    // Gradient reaches the initial state C0 through the chunkwise form (needed for truncated BPTT).
    void chunkwiseGradientReachesInitialState() {
        const Inputs x = randomInputs(1, 1, 40, 8, 8, 5);
        MlstmState init = mlstmZeroState(1, 1, 8, 8, torch::TensorOptions().dtype(torch::kFloat64));
        init.c = torch::randn({1, 1, 8, 8}, torch::kFloat64).requires_grad_(true);
        mlstmChunkwise(x.q, x.k, x.v, x.i, x.f, &init, 16).h.sum().backward();
        QVERIFY(init.c.grad().defined());
        QVERIFY(init.c.grad().abs().sum().item<double>() > 0);
    }

    // Segments of several lengths handing (C, n, m) on reproduce a single pass (mlstm.md 5, 8).
    void statePassingReproducesSinglePass() {
        const Inputs x = randomInputs(2, 4, 256, 16, 32, 31).to(torch::kFloat32);
        const MlstmOutput full = mlstmChunkwise(x.q, x.k, x.v, x.i, x.f, nullptr, 64);
        const int64_t cuts[] = {0, 50, 127, 128, 193, 256};
        std::vector<Tensor> hs;
        MlstmState state;
        bool first = true;
        for (size_t c = 0; c + 1 < std::size(cuts); ++c) {
            const int64_t a = cuts[c], len = cuts[c + 1] - cuts[c];
            const MlstmOutput part =
                mlstmChunkwise(x.q.narrow(2, a, len), x.k.narrow(2, a, len), x.v.narrow(2, a, len),
                               x.i.narrow(2, a, len), x.f.narrow(2, a, len), first ? nullptr : &state, 64);
            hs.push_back(part.h);
            state = part.state;
            first = false;
        }
        CHECK_REL(torch::cat(hs, 2), full.h, 1e-5);
        CHECK_REL(state.c, full.state.c, 1e-5);
        CHECK_REL(state.n, full.state.n, 1e-5);
        CHECK_REL(state.m, full.state.m, 1e-6);
    }

    // Chunkwise prefill of a prompt, then recurrent steps, equals one chunkwise pass (decode path).
    void chunkwisePrefillThenStepsMatchesFullPass() {
        const Inputs x = randomInputs(2, 2, 90, 16, 32, 8).to(torch::kFloat32);
        const MlstmOutput full = mlstmChunkwise(x.q, x.k, x.v, x.i, x.f, nullptr, 32);
        const int64_t prompt = 70;
        MlstmOutput pre = mlstmChunkwise(x.q.narrow(2, 0, prompt), x.k.narrow(2, 0, prompt), x.v.narrow(2, 0, prompt),
                                         x.i.narrow(2, 0, prompt), x.f.narrow(2, 0, prompt), nullptr, 32);
        std::vector<Tensor> hs = {pre.h};
        MlstmState state = pre.state;
        for (int64_t t = prompt; t < 90; ++t) {
            auto [h, next] = mlstmStep(x.q.select(2, t), x.k.select(2, t), x.v.select(2, t), x.i.select(2, t),
                                       x.f.select(2, t), state);
            hs.push_back(h.unsqueeze(2));
            state = next;
        }
        CHECK_REL(torch::cat(hs, 2), full.h, 1e-5);
        CHECK_REL(state.c, full.state.c, 1e-5);
    }

    // The state is the same size whatever the sequence length.
    void stateSizeIsIndependentOfLength() {
        const Inputs a = randomInputs(1, 2, 10, 16, 32, 1).to(torch::kFloat32);
        const Inputs b = randomInputs(1, 2, 300, 16, 32, 2).to(torch::kFloat32);
        const int64_t expected = (2 * 16 * 32 + 2 * 16 + 2) * 4;
        QCOMPARE(mlstmChunkwise(a.q, a.k, a.v, a.i, a.f, nullptr, 64).state.bytes(), expected);
        QCOMPARE(mlstmChunkwise(b.q, b.k, b.v, b.i, b.f, nullptr, 64).state.bytes(), expected);
    }

    void refusesMismatchedShapes() {
        const Inputs x = randomInputs(1, 2, 10, 16, 32, 1);
        bool threw = false;
        try {
            mlstmChunkwise(x.q, x.k, x.v.narrow(2, 0, 9), x.i, x.f, nullptr, 4);
        } catch (const c10::Error& e) {
            threw = true;
            QVERIFY2(std::string(e.what()).find("v must be (B,NH,S,DHHV)") != std::string::npos, e.what());
        }
        QVERIFY(threw);
    }
};

QTEST_GUILESS_MAIN(TestMlstmCell)
#include "tst_mlstm_cell.moc"
