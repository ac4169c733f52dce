#include "core/serve/traffic_log.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/store/workspace.h"

namespace kiln {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::size_t kMaxQueuedLines = 20000;

std::string fileName(std::uint64_t number) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "traffic-%06llu.jsonl", static_cast<unsigned long long>(number));
    return buf;
}

// The number of a traffic file's name, or 0 for another file.
std::uint64_t fileNumber(const fs::path& p) {
    const std::string name = p.filename().string();
    if (name.size() != 20 || name.rfind("traffic-", 0) != 0 || name.substr(14) != ".jsonl") return 0;
    const std::string digits = name.substr(8, 6);
    if (digits.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::stoull(digits);
}

// A model name as a folder name: letters, digits, '-', '_' and '.' kept, anything else '_'.
std::string folderName(const std::string& name) {
    std::string s;
    for (char c : name) s += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ? c : '_';
    if (s.empty() || s[0] == '.') s.insert(0, 1, '_');
    return s;
}

}  // namespace

fs::path trafficFolder(const Workspace& workspace, const std::string& model) {
    return workspace.root() / "serving" / folderName(model);
}

fs::path trafficFolderForFile(const Workspace& workspace, const std::string& stem, const std::string& sha256) {
    return workspace.root() / "serving" / ("file-" + folderName(stem) + "-" + sha256.substr(0, 12));
}

std::vector<fs::path> trafficFiles(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (fileNumber(it->path()) > 0 && it->is_regular_file(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) { return fileNumber(a) < fileNumber(b); });
    return files;
}

Result<std::unique_ptr<TrafficLog>> TrafficLog::open(const fs::path& folder, Options options) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return makeError(ErrorCode::Io, "cannot make the traffic folder: " + ec.message(), folder.string());
    std::unique_ptr<TrafficLog> log(new TrafficLog(folder, options));
    auto files = trafficFiles(folder);
    log->m_fileNumber = files.empty() ? 1 : fileNumber(files.back());
    const fs::path current = folder / fileName(log->m_fileNumber);
    log->m_fileBytes = fs::exists(current, ec) ? fs::file_size(current, ec) : 0;
    log->m_out.open(current, std::ios::app | std::ios::binary);
    if (!log->m_out) return makeError(ErrorCode::Io, "cannot open the traffic log for writing", current.string());
    log->m_writer = std::thread([raw = log.get()] { raw->writeLoop(); });
    return log;
}

TrafficLog::TrafficLog(fs::path folder, Options options) : m_folder(std::move(folder)), m_options(options) {}

TrafficLog::~TrafficLog() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable()) m_writer.join();
}

bool TrafficLog::append(const json& line, std::size_t rows) {
    std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace);
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    if (now - m_second >= std::chrono::seconds(1)) {
        m_second = now;
        m_rowsThisSecond = 0;
    }
    if (m_rowsThisSecond + rows > m_options.rowsPerSecond || m_queue.size() >= kMaxQueuedLines) return false;
    m_rowsThisSecond += rows;
    m_queue.push_back(std::move(text));
    m_wake.notify_one();
    return true;
}

void TrafficLog::flush() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_flushed.wait(lock, [&] { return m_queue.empty() && !m_writing; });
}

void TrafficLog::writeLoop() {
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty() && m_stopping) return;
        std::vector<std::string> lines;
        lines.swap(m_queue);
        m_writing = true;
        lock.unlock();
        write(lines);
        lock.lock();
        m_writing = false;
        m_flushed.notify_all();
    }
}

void TrafficLog::write(const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
        if (m_fileBytes > 0 && m_fileBytes + line.size() + 1 > m_options.maxBytes / 4) rotate();
        m_out << line << '\n';
        m_fileBytes += line.size() + 1;
    }
    m_out.flush();
}

void TrafficLog::rotate() {
    m_out.close();
    m_out.open(m_folder / fileName(++m_fileNumber), std::ios::app | std::ios::binary);
    m_fileBytes = 0;
    auto files = trafficFiles(m_folder);
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto& f : files) total += fs::file_size(f, ec);
    for (const auto& f : files) {
        if (total <= m_options.maxBytes || fileNumber(f) == m_fileNumber) break;
        total -= std::min<std::uint64_t>(total, fs::file_size(f, ec));
        fs::remove(f, ec);
    }
}

Result<std::vector<json>> readTraffic(const fs::path& folder, std::size_t* skipped) {
    auto files = trafficFiles(folder);
    if (files.empty())
        return makeError(ErrorCode::NotFound, "no traffic has been logged for this model", folder.string());
    std::vector<json> lines;
    std::size_t bad = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            json j = json::parse(line, nullptr, false);
            if (j.is_object())
                lines.push_back(std::move(j));
            else
                ++bad;
        }
    }
    if (skipped) *skipped = bad;
    return lines;
}

}  // namespace kiln
