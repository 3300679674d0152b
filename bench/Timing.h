// What every benchmark here needs: timing one piece of work (or two, alternated), and the
// median and a percentile of the samples.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>
#include <vector>

namespace roundtable::bench {

using Clock = std::chrono::steady_clock;
using Milliseconds = std::chrono::duration<double, std::milli>;

inline double median(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto middle = samples.size() / 2;
    return samples.size() % 2 == 1 ? samples[middle]
                                   : (samples[middle - 1] + samples[middle]) / 2.0;
}

/// Nearest-rank percentile: the smallest sample with at least `percent`% of samples at or
/// below it, so it is always a time that was actually measured.
inline double percentile(std::vector<double> samples, double percent) {
    std::sort(samples.begin(), samples.end());
    auto rank =
        static_cast<std::size_t>(std::ceil(percent / 100.0 * static_cast<double>(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

template <typename Work>
double timeMilliseconds(Work&& work) {
    auto start = Clock::now();
    work();
    return Milliseconds(Clock::now() - start).count();
}

/// Times `bare` and `measured` one after the other, swapping which goes first every round, so
/// that machine noise, and whichever side runs second with warmer caches, fall on both sides
/// equally. Returns {bare, measured} in milliseconds.
template <typename Bare, typename Measured>
std::pair<double, double> timeBothAlternating(int round, Bare&& bare, Measured&& measured) {
    double bareTime = 0.0;
    double measuredTime = 0.0;
    if (round % 2 == 0) {
        bareTime = timeMilliseconds(bare);
        measuredTime = timeMilliseconds(measured);
    } else {
        measuredTime = timeMilliseconds(measured);
        bareTime = timeMilliseconds(bare);
    }
    return {bareTime, measuredTime};
}

}  // namespace roundtable::bench
