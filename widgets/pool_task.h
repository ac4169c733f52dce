#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "core/base/result.h"

namespace kiln {
namespace widgets {

// Runs `work` on `pool` and hands its result to `done` on `receiver`'s thread. Nothing is
// delivered once `receiver` is destroyed (the watcher is its child). `work` must not touch
// widgets; it must catch its own exceptions (return them as part of T).
template <typename T>
void runInPool(QThreadPool* pool, QObject* receiver, std::function<T()> work,
               std::function<void(T)> done) {
    auto* watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, receiver, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

// The same on the global thread pool. Work that may wait long (on the network) takes its own pool
// instead, so that it does not hold one of the global pool's few threads meanwhile.
template <typename T>
void runInPool(QObject* receiver, std::function<T()> work, std::function<void(T)> done) {
    runInPool<T>(QThreadPool::globalInstance(), receiver, std::move(work), std::move(done));
}

// What a person reads for an error: its message (with context and cause), then its hint.
inline QString errorText(const kiln::Error& error) {
    QString text = QString::fromStdString(error.toString());
    if (!error.hint.empty()) text += QLatin1Char('\n') + QString::fromStdString(error.hint);
    return text;
}

// Runs `work`, turning an exception it lets out into an Internal error that names it: pool work
// written with Result needs no try/catch of its own.
template <typename T>
kiln::Result<T> guarded(const std::function<kiln::Result<T>()>& work) {
    try {
        return work();
    } catch (const std::exception& e) {
        return kiln::makeError(kiln::ErrorCode::Internal, std::string("unexpected failure: ") + e.what());
    } catch (...) {
        return kiln::makeError(kiln::ErrorCode::Internal, "unexpected failure");
    }
}

// runInPool for work that returns a Result: `done` always gets one, an escaped exception
// included (see guarded).
template <typename T>
void runResultInPool(QObject* receiver, std::function<kiln::Result<T>()> work,
                     std::function<void(kiln::Result<T>)> done) {
    // Result has no empty state; the future carries a flag, the value waits beside it.
    auto slot = std::make_shared<std::optional<kiln::Result<T>>>();
    runInPool<bool>(
        receiver,
        [slot, work = std::move(work)] {
            slot->emplace(guarded<T>(work));
            return true;
        },
        [slot, done = std::move(done)](bool) { done(std::move(**slot)); });
}

}  // namespace widgets
}  // namespace kiln
