#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>

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

}  // namespace widgets
}  // namespace kiln
