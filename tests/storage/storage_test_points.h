// SPDX-License-Identifier: MIT
// The deterministic metric stream shared by storage_writer_child and the tests that check what it
// wrote: point i is step i/6 of metric kMetricNames[i % 6], so "the first n points" is checkable.
#pragma once

#include <string>

namespace seqscope::test {

inline const char* const kMetricNames[6] = {"train_loss", "val_loss", "lr", "grad_norm", "tokens_per_s", "mfu"};

struct TestPoint {
    long long step = 0;
    std::string name;
    int nameIndex = 0;
    double value = 0;
};

inline double pointValue(long long step, int nameIndex) { return 10.0 / (1.0 + static_cast<double>(step)) + nameIndex; }

inline TestPoint pointAt(long long i) {
    TestPoint p;
    p.step = i / 6;
    p.nameIndex = static_cast<int>(i % 6);
    p.name = kMetricNames[p.nameIndex];
    p.value = pointValue(p.step, p.nameIndex);
    return p;
}

// Index of (step, name) in the stream, or -1 for a name that is not in it.
inline long long pointIndex(long long step, const std::string& name) {
    for (int k = 0; k < 6; ++k)
        if (name == kMetricNames[k]) return step * 6 + k;
    return -1;
}

}  // namespace seqscope::test
