// What the curriculum and document benchmarks share besides timing: the shipped module with
// the most bytes (what a speed goal about "the largest module" means), a scratch folder removed
// afterwards, and one row of the results table.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "Timing.h"

namespace roundtable::bench {

/// The .xml file in `modulesFolder` with the most bytes.
inline std::filesystem::path largestModule(const std::filesystem::path& modulesFolder) {
    std::filesystem::path largest;
    std::uintmax_t largestBytes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(modulesFolder)) {
        if (entry.path().extension() == ".xml" && entry.file_size() > largestBytes) {
            largest = entry.path();
            largestBytes = entry.file_size();
        }
    }
    return largest;
}

/// A folder for the files a benchmark writes, on the same disk as the build, removed
/// afterwards.
struct WorkFolder {
    std::filesystem::path path;
    explicit WorkFolder(std::filesystem::path where) : path(std::move(where)) {
        std::filesystem::create_directories(path);
    }
    ~WorkFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
};

/// "label   median   p90" with the given column widths.
inline void printRow(const std::string& label, const std::vector<double>& samples, int labelWidth,
                     int numberWidth) {
    std::cout << std::left << std::setw(labelWidth) << label << std::right << std::setw(numberWidth)
              << median(samples) << std::setw(numberWidth) << percentile(samples, 90) << '\n';
}

}  // namespace roundtable::bench
