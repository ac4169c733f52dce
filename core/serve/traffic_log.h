#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/base/result.h"

namespace kiln {

class Workspace;

// The folder a served model's traffic goes to: serving/<model>/ in the workspace, for a file
// served outside the registry serving/file-<stem>-<sha256 prefix>/.
std::filesystem::path trafficFolder(const Workspace& workspace, const std::string& model);
std::filesystem::path trafficFolderForFile(const Workspace& workspace, const std::string& stem,
                                           const std::string& sha256);

// Every answered prediction request's inputs and outputs, one JSON line each, appended by a
// writer thread of its own (a request never waits on the disk) to traffic-NNNNNN.jsonl files
// that rotate at a quarter of `maxBytes`; the oldest files go while all of them hold more than
// `maxBytes`. Above `rowsPerSecond` rows in a second, requests are left out (counted) so a
// flood neither fills the disk nor slows the answers.
class TrafficLog {
public:
    struct Options {
        std::uint64_t maxBytes = 64ull << 20;
        std::size_t rowsPerSecond = 2000;
    };

    // Creates the folder when needed. Io when it cannot be made or written.
    static Result<std::unique_ptr<TrafficLog>> open(const std::filesystem::path& folder, Options options);
    ~TrafficLog();  // writes what is queued

    // Queues one request's line; false when the rate (or a full queue) left it out.
    bool append(const nlohmann::json& line, std::size_t rows);
    // Waits until every queued line is written and flushed.
    void flush();

    const std::filesystem::path& folder() const { return m_folder; }

private:
    TrafficLog(std::filesystem::path folder, Options options);
    void writeLoop();
    void write(const std::vector<std::string>& lines);
    void rotate();

    std::filesystem::path m_folder;
    Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_flushed;
    std::vector<std::string> m_queue;
    bool m_stopping = false, m_writing = false;
    std::chrono::steady_clock::time_point m_second = std::chrono::steady_clock::now();
    std::size_t m_rowsThisSecond = 0;
    std::ofstream m_out;
    std::uint64_t m_fileNumber = 0, m_fileBytes = 0;
    std::thread m_writer;
};

// The traffic files of `folder`, oldest first.
std::vector<std::filesystem::path> trafficFiles(const std::filesystem::path& folder);

// Every line of the traffic files (oldest first) that parses as an object; `skipped` counts the
// others (a line cut off by a crash). NotFound when the folder holds no traffic.
Result<std::vector<nlohmann::json>> readTraffic(const std::filesystem::path& folder, std::size_t* skipped = nullptr);

}  // namespace kiln
