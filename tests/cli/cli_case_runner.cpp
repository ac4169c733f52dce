// Runs one data-driven CLI case file: each `run:` line is a kiln command line, followed by what
// its exit status, stdout, stderr or JSON output must show. See tests/cli/README.md.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Outcome {
    int exitCode = -1;
    std::string out, err;
};

struct Checker {
    std::string caseName;
    int line = 0;
    int failures = 0;

    void fail(const std::string& what, const Outcome& o) {
        ++failures;
        std::cerr << caseName << ":" << line << ": " << what << "\n  exit: " << o.exitCode
                  << "\n  stdout: " << o.out.substr(0, 2000) << "\n  stderr: " << o.err.substr(0, 2000)
                  << "\n";
    }
};

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

Outcome runCommand(const std::string& commandLine, const fs::path& tmp) {
    std::string shell = "cd '" + tmp.string() + "' && unset KILN_WORKSPACE && export HOME='" +
                        tmp.string() + "' XDG_DATA_HOME='" + (tmp / "xdg").string() +
                        // What a command configures (systemd user units, …) stays in the case's folder.
                        "' XDG_CONFIG_HOME='" + (tmp / ".config").string() + "' && ( " +
                        commandLine + " ) >'" + (tmp / "stdout").string() + "' 2>'" +
                        (tmp / "stderr").string() + "' </dev/null";
    int status = std::system(shell.c_str());
    Outcome o;
    o.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    o.out = readFile(tmp / "stdout");
    o.err = readFile(tmp / "stderr");
    return o;
}

// "a.b.0" → "/a/b/0"; a dot written `\.` stays part of the key ("quantiles.0\.5").
std::string jsonPointer(const std::string& dotted) {
    std::string pointer = "/";
    for (std::size_t i = 0; i < dotted.size(); ++i) {
        if (dotted[i] == '\\' && i + 1 < dotted.size() && dotted[i + 1] == '.') pointer += dotted[++i];
        else pointer += dotted[i] == '.' ? '/' : dotted[i];
    }
    return pointer;
}

// `json: PATH == VALUE`, `json: PATH exists`, `json: PATH != VALUE`.
void checkJson(const std::string& spec, const Outcome& o, Checker& c) {
    nlohmann::json doc = nlohmann::json::parse(o.out, nullptr, false);
    if (doc.is_discarded()) return c.fail("stdout is not one JSON document", o);
    std::istringstream in(spec);
    std::string path, op, value;
    in >> path >> op;
    std::getline(in >> std::ws, value);
    auto pointer = nlohmann::json::json_pointer(jsonPointer(path));
    bool present = doc.contains(pointer);
    if (op == "exists") {
        if (!present || doc.at(pointer).is_null()) c.fail("JSON lacks " + path, o);
        return;
    }
    if (!present) return c.fail("JSON lacks " + path, o);
    const nlohmann::json& actual = doc.at(pointer);
    const nlohmann::json expected = nlohmann::json::parse(value, nullptr, false);
    if (expected.is_discarded()) return c.fail("the check's value is not JSON: " + value, o);
    bool holds = false;
    if (op == "==" || op == "!=") {
        holds = (actual == expected) == (op == "==");
    } else if (op == "<" || op == "<=" || op == ">" || op == ">=") {
        if (!actual.is_number() || !expected.is_number())
            return c.fail("JSON " + path + " is " + actual.dump() + ", not a number to compare", o);
        const double a = actual.get<double>(), b = expected.get<double>();
        holds = op == "<" ? a < b : op == "<=" ? a <= b : op == ">" ? a > b : a >= b;
    } else {
        return c.fail("unknown JSON comparison '" + op + "' (==, !=, <, <=, >, >=, exists)", o);
    }
    if (!holds) c.fail("JSON " + path + " is " + actual.dump() + " (expected " + op + " " + value + ")", o);
}

void check(const std::string& key, const std::string& value, const Outcome& o, Checker& c) {
    if (key == "exit") {
        if (o.exitCode != std::stoi(value)) c.fail("expected exit " + value, o);
    } else if (key == "stdout") {
        if (o.out.find(value) == std::string::npos) c.fail("stdout lacks: " + value, o);
    } else if (key == "stderr") {
        if (o.err.find(value) == std::string::npos) c.fail("stderr lacks: " + value, o);
    } else if (key == "stdout-regex") {
        if (!std::regex_search(o.out, std::regex(value))) c.fail("stdout does not match " + value, o);
    } else if (key == "stderr-regex") {
        if (!std::regex_search(o.err, std::regex(value))) c.fail("stderr does not match " + value, o);
    } else if (key == "stdout-lacks") {
        if (o.out.find(value) != std::string::npos) c.fail("stdout has: " + value, o);
    } else if (key == "stderr-empty") {
        if (!o.err.empty()) c.fail("stderr is not empty", o);
    } else if (key == "json") {
        checkJson(value, o, c);
    } else if (key == "file-exists") {
        if (!fs::exists(value)) c.fail("missing file " + value, o);
    } else {
        c.fail("unknown check '" + key + "'", o);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: kiln_cli_case_runner KILN_BINARY FIXTURES_DIR CASE_FILE\n";
        return 2;
    }
    std::string kiln = argv[1], fixtures = argv[2];
    fs::path caseFile = argv[3];
    std::random_device rd;
    fs::path tmp = fs::temp_directory_path() / ("kiln-cli-" + std::to_string(rd()));
    fs::create_directories(tmp);

    Checker c;
    c.caseName = caseFile.filename().string();
    std::ifstream in(caseFile);
    std::string line;
    Outcome last;
    int runs = 0;
    while (std::getline(in, line)) {
        ++c.line;
        if (line.empty() || line[0] == '#') continue;
        auto colon = line.find(':');
        std::string key = line.substr(0, colon);
        std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        value = replaceAll(replaceAll(replaceAll(value, "{tmp}", tmp.string()), "{ws}",
                                      (tmp / "ws").string()),
                           "{fixtures}", fixtures);
        value = replaceAll(value, "{kiln}", "'" + kiln + "'");  // the binary, anywhere on the line
        if (key == "run") {
            // The first word `kiln` is the binary under test (after any VAR=value prefixes).
            value = std::regex_replace(value, std::regex("(^|\\s)kiln(\\s|$)"), "$1'" + kiln + "'$2",
                                       std::regex_constants::format_first_only);
            last = runCommand(value, tmp);
            ++runs;
        } else {
            check(key, value, last, c);
        }
    }
    fs::remove_all(tmp);
    if (runs == 0) {
        std::cerr << c.caseName << ": no run: line\n";
        return 1;
    }
    std::cout << c.caseName << ": " << runs << " command(s), " << c.failures << " failure(s)\n";
    return c.failures == 0 ? 0 : 1;
}
