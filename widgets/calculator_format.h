// SPDX-License-Identifier: MIT
// Short human-readable numbers for the Calculator (and the dashboard): SI prefixes, three
// significant digits, in the user's locale. Bytes use decimal GB, as GPU memory is sold.
#pragma once

#include <QString>

namespace seqscope::widgets {

QString formatCount(double value);            // 164.1 M, 6.87 B (parameters, tokens)
QString formatFlops(double value);            // 6.27 TFLOP
QString formatBytes(double value);            // 1.23 GB
QString formatMs(double value);               // 3.21 ms, 850 µs, 1.20 s
QString formatTokens(double tokens);          // 1K, 64K, 1M (powers of two shown short)

}  // namespace seqscope::widgets
