#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>

namespace kiln {
namespace widgets {

// Runs `work` on the global thread pool and hands its result to `done` on `receiver`'s thread.
// Nothing is delivered once `receiver` is destroyed (the watcher is its child). `work` must not
// touch widgets; it must catch its own exceptions (return them as part of T).
template <typename T>
void runInPool(QObject* receiver, std::function<T()> work, std::function<void(T)> done) {
    auto* watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, receiver, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace widgets
}  // namespace kiln
