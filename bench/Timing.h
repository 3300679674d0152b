// What every benchmark here needs: timing one piece of work (or two, alternated), the median
// and a percentile of the samples, and the number of rounds asked for on the command line.
#pragma once

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <iostream>
#include <optional>
#include <string_view>
#include <system_error>
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

/// The number of rounds given as the only argument, or `defaultRounds` when there is none.
/// Anything but a whole number of 1 or more prints the usage and gives nothing.
inline std::optional<int> roundsArgument(int argc, char** argv, int defaultRounds) {
    if (argc < 2)
        return defaultRounds;
    std::string_view text = argv[1];
    int rounds = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), rounds);
    if (error != std::errc() || end != text.data() + text.size() || rounds < 1) {
        std::string_view program = argv[0];
        std::cerr << "usage: " << program.substr(program.rfind('/') + 1)
                  << " [ROUNDS]   (a whole number >= 1, default " << defaultRounds << ")\n";
        return std::nullopt;
    }
    return rounds;
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
