// SPDX-License-Identifier: MIT
#include "analysis/replicates.h"

#include <cmath>
#include <map>
#include <tuple>

namespace seqscope::analysis {

std::vector<ReplicateGroup> groupReplicates(const std::vector<ScalingPoint>& points) {
    using Key = std::tuple<std::string, std::string, long long, double, double>;
    std::map<Key, size_t> index;
    std::vector<ReplicateGroup> groups;
    for (size_t i = 0; i < points.size(); ++i) {
        const ScalingPoint& p = points[i];
        const Key key{p.arch, p.set, p.ctx, p.params, p.tokens};
        auto [it, added] = index.emplace(key, groups.size());
        if (added) groups.push_back({p, 0, 0, 0, {}});
        groups[it->second].members.push_back(int(i));
    }
    for (auto& g : groups) {
        g.count = int(g.members.size());
        double sum = 0;
        for (int m : g.members) sum += points[size_t(m)].loss;
        const double mean = sum / g.count;
        double squares = 0;
        for (int m : g.members) squares += (points[size_t(m)].loss - mean) * (points[size_t(m)].loss - mean);
        g.mean.loss = mean;
        g.stdDev = g.count > 1 ? std::sqrt(squares / (g.count - 1)) : 0.0;
        g.stdError = g.stdDev / std::sqrt(double(g.count));
    }
    return groups;
}

}  // namespace seqscope::analysis
