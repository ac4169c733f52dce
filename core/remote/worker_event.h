#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/base/result.h"

namespace kiln {

// The worker protocol's version: `hello` carries it and hosts refuse other versions. Protocol 1 is
// one JSON object a line, each with "event" (its kind) and "time" (wall seconds); a reader skips
// events it does not know, so a newer worker may add kinds and fields without a new version.
constexpr int kWorkerProtocol = 1;

namespace event {

// The worker's first line, before it reads its job.
struct Hello {
    int protocol = 0;
    std::string kiln;  // the worker's Kiln version
};
// Training begins (again, for a resumed run) on `device`.
struct Started {
    std::string runId;
    std::int64_t pid = 0;  // the worker's process id, on its own machine
    bool resume = false;
    std::string device;  // "cpu", "cuda:0"
    std::string deviceReason;
    std::string environmentJson = "{}";  // captureEnvironment() as a JSON object
};
// A batch was done.
struct Progress {
    int epoch = 0;
    std::int64_t step = 0;
    std::int64_t stepsPerEpoch = 0;
};
// One metric value; NaN when the worker wrote none (a non-finite value is written as null).
struct Metric {
    std::string key;  // "train_loss", "val_accuracy", "test_rmse", …
    double value = 0;
    std::int64_t step = 0;
    int epoch = 0;
    double wallTime = 0;  // 0 when absent: the event's time stands for it
};
struct Log {
    std::string level;  // info | warning | error
    std::string message;
};
// A file of the run folder was written (path relative to it).
struct Artifact {
    std::string kind;  // checkpoint, model, recipe, split, report, …
    std::string path;
    std::string sha256;
    std::int64_t bytes = 0;
};
// The worker's last line. `status` is completed, cancelled or failed.
struct Finished {
    std::string status;
    std::string error;
    int epochs = 0;
    int bestEpoch = 0;
    bool earlyStopped = false;
    std::string metricsJson = "{}";  // the test metrics, a JSON object
};
// An event this Kiln does not know (tolerated: protocol 1 lets workers add kinds).
struct Unknown {
    std::string kind;
};

}  // namespace event

// One line of the worker protocol, typed.
struct WorkerEvent {
    using Body = std::variant<event::Hello, event::Started, event::Progress, event::Metric,
                              event::Log, event::Artifact, event::Finished, event::Unknown>;
    double time = 0;  // wall seconds since the epoch; 0 when the line had none
    Body body;

    template <class T>
    const T* as() const {
        return std::get_if<T>(&body);
    }
    template <class T>
    bool is() const {
        return std::holds_alternative<T>(body);
    }
    // The "event" name of the line ("metric", "finished", … or the unknown kind).
    std::string kind() const;
};

// Reads one event line. InvalidArgument when the line is not a JSON object with a string "event"
// (a torn or foreign line, which readers skip); Corrupt when a known event has a field of the
// wrong type. Fields that are absent take their defaults above.
Result<WorkerEvent> parseWorkerEvent(std::string_view line);

// The event as one JSON line (without the newline); `time` is written when it is not 0.
std::string serialiseWorkerEvent(const WorkerEvent& event);

// A whole protocol line for `body`, stamped with the current wall time.
std::string workerEventLine(WorkerEvent::Body body);

}  // namespace kiln
