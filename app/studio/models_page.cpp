#include "app/studio/models_page.h"

#include <QComboBox>
#include <QEvent>
#include <QFont>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <nlohmann/json.hpp>

#include "app/studio/export_dialog.h"
#include "core/modules/engine_module.h"
#include "core/store/workspace.h"

namespace kiln {
namespace studio {

namespace {

constexpr int kVersionRole = Qt::UserRole + 1;  // index into versions(), -1 for a model row

struct RegistryRead {
    QJsonObject doc;
    QString error;
};

QJsonObject toQt(const nlohmann::json& j) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(j.dump())).object();
}

RegistryRead readRegistry(const QString& dir) {
    RegistryRead r;
    try {
        auto ws = kiln::Workspace::open(dir.toStdString(), false);
        if (!ws) {
            r.error = QString::fromStdString(ws.error().toString());
            return r;
        }
        auto engines = kiln::engineModule();
        auto list = engines ? (*engines)->listModels(**ws) : kiln::Result<nlohmann::json>(engines.error());
        if (!list)
            r.error = QString::fromStdString(list.error().toString());
        else
            r.doc = toQt(*list);
    } catch (const std::exception& e) {
        r.error = QString::fromUtf8(e.what());
    }
    return r;
}

QString reference(const QJsonObject& v) {
    return v.value(QLatin1String("name")).toString() + QLatin1Char('@') +
           QString::number(v.value(QLatin1String("version")).toInt());
}

QString metricText(const QJsonObject& eval) {
    if (!eval.contains(QLatin1String("metric"))) return QStringLiteral("–");
    const QString metric = eval.value(QLatin1String("metric")).toString();
    const double value = eval.value(QLatin1String("value")).toDouble();
    return metric == QLatin1String("accuracy")
               ? QStringLiteral("%1 %").arg(QString::number(value * 100, 'f', 1))
               : QStringLiteral("R² %1").arg(QString::number(value, 'f', 3));
}

QString ms(double v) { return QString::number(v, 'f', v < 1 ? 3 : 2); }

QColor stageColor(const QString& stage) {
    if (stage == QLatin1String("production")) return QColor(0x2e, 0x7d, 0x32);
    if (stage == QLatin1String("staging")) return QColor(0x15, 0x65, 0xc0);
    if (stage == QLatin1String("archived")) return QColor(0x75, 0x75, 0x75);
    return {};
}

}  // namespace

QStringList modelStages() {
    return {QStringLiteral("none"), QStringLiteral("staging"), QStringLiteral("production"),
            QStringLiteral("archived")};
}

ModelsPage::ModelsPage(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_status(new QLabel(this)),
      m_refresh(new QPushButton(this)),
      m_tree(new QTreeWidget(this)),
      m_versionTitle(new QLabel(this)),
      m_stageLabel(new QLabel(this)),
      m_stage(new QComboBox(this)),
      m_predict(new QPushButton(this)),
      m_serve(new QPushButton(this)),
      m_lineage(new QLabel(this)),
      m_verification(new QLabel(this)),
      m_evaluation(new QLabel(this)),
      m_details(new QWidget(this)) {
    setObjectName(QStringLiteral("modelsPage"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_status->setObjectName(QStringLiteral("modelsStatus"));
    m_status->setEnabled(false);
    m_refresh->setObjectName(QStringLiteral("refreshModelsButton"));
    m_tree->setObjectName(QStringLiteral("modelsTree"));
    m_tree->setColumnCount(8);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    QFont vfont = big;
    vfont.setPointSizeF(big.pointSizeF() / 1.15);
    m_versionTitle->setFont(vfont);
    m_versionTitle->setObjectName(QStringLiteral("versionTitle"));
    m_stage->setObjectName(QStringLiteral("stageCombo"));
    for (const QString& s : modelStages()) m_stage->addItem(QString(), s);
    m_predict->setObjectName(QStringLiteral("predictButton"));
    m_serve->setObjectName(QStringLiteral("serveButton"));
    for (QLabel* l : {m_lineage, m_verification, m_evaluation}) {
        l->setTextFormat(Qt::RichText);
        l->setWordWrap(true);
        l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        l->setTextInteractionFlags(Qt::TextBrowserInteraction);
    }
    m_lineage->setObjectName(QStringLiteral("lineageLabel"));
    m_verification->setObjectName(QStringLiteral("verificationLabel"));
    m_evaluation->setObjectName(QStringLiteral("evaluationLabel"));
    m_lineage->setOpenExternalLinks(false);
    connect(m_lineage, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link.startsWith(QLatin1String("run:"))) Q_EMIT openRunRequested(link.mid(4));
        if (link.startsWith(QLatin1String("dataset:")))
            Q_EMIT openDatasetRequested(link.mid(8));
    });

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_status, 1);
    header->addWidget(m_refresh);

    auto* top = new QHBoxLayout;
    top->addWidget(m_versionTitle);
    top->addStretch(1);
    top->addWidget(m_stageLabel);
    top->addWidget(m_stage);
    top->addWidget(m_predict);
    top->addWidget(m_serve);
    auto* boxes = new QHBoxLayout;
    for (QLabel* l : {m_lineage, m_verification, m_evaluation}) {
        auto* frame = new QGroupBox(m_details);
        frame->setObjectName(l->objectName() + QStringLiteral("Box"));
        auto* inner = new QVBoxLayout(frame);
        inner->addWidget(l);
        inner->addStretch(1);
        l->setParent(frame);
        boxes->addWidget(frame, 1);
    }
    auto* details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 6, 0, 0);
    details->addLayout(top);
    details->addLayout(boxes, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 300});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    connect(m_refresh, &QPushButton::clicked, this, [this] { reload(); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] { showDetails(); });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &ModelsPage::showContextMenu);
    connect(m_stage, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const QJsonObject v = currentVersion();
        if (v.isEmpty() || m_filling) return;
        const QString stage = m_stage->itemData(index).toString();
        if (stage != v.value(QLatin1String("stage")).toString()) setStage(reference(v), stage);
    });
    connect(m_predict, &QPushButton::clicked, this, [this] {
        const QJsonObject v = currentVersion();
        if (!v.isEmpty())
            Q_EMIT predictRequested(reference(v), v.value(QLatin1String("onnx_path")).toString());
    });
    connect(m_serve, &QPushButton::clicked, this, [this] {
        const QJsonObject v = currentVersion();
        if (!v.isEmpty()) Q_EMIT serveRequested(reference(v));
    });
    retranslateUi();
    showDetails();
}

void ModelsPage::setWorkspace(const QString& dir) {
    m_workspace = dir;
    reload();
}

void ModelsPage::reload(const QString& select) {
    if (!select.isEmpty()) m_pendingSelect = select;
    if (m_pendingSelect.isEmpty()) {
        const QJsonObject v = currentVersion();
        if (!v.isEmpty()) m_pendingSelect = reference(v);
    }
    if (m_workspace.isEmpty()) return;
    m_loading = true;
    const int generation = ++m_generation;
    auto* watcher = new QFutureWatcher<RegistryRead>(this);
    connect(watcher, &QFutureWatcher<RegistryRead>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) return;
        const RegistryRead r = watcher->result();
        display(r.doc, r.error);
    });
    watcher->setFuture(QtConcurrent::run(readRegistry, m_workspace));
}

QJsonArray ModelsPage::versions() const {
    QJsonArray all;
    for (const auto& m : m_doc.value(QLatin1String("models")).toArray())
        for (const auto& v : m.toObject().value(QLatin1String("versions")).toArray()) all.append(v);
    return all;
}

void ModelsPage::display(const QJsonObject& doc, const QString& error) {
    m_doc = doc;
    m_error = error;
    m_filling = true;
    m_tree->clear();
    int index = 0;
    QTreeWidgetItem* toSelect = nullptr;
    for (const auto& mv : m_doc.value(QLatin1String("models")).toArray()) {
        const QJsonObject model = mv.toObject();
        const QString name = model.value(QLatin1String("name")).toString();
        const QJsonArray vs = model.value(QLatin1String("versions")).toArray();
        auto* top = new QTreeWidgetItem(m_tree, {name});
        top->setData(0, kVersionRole, -1);
        top->setIcon(0, QIcon(QStringLiteral(":/icons/model.svg")));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        const int versionCount = static_cast<int>(vs.size());
        top->setText(1, tr("%n version(s)", nullptr, int(versionCount)));
        if (m_pendingSelect == name) toSelect = top;
        for (const auto& vv : vs) {
            const QJsonObject v = vv.toObject();
            const QJsonObject lineage = v.value(QLatin1String("lineage")).toObject();
            const QJsonObject ver = v.value(QLatin1String("verification")).toObject();
            const QJsonObject eval = v.value(QLatin1String("system_evaluation")).toObject();
            const QJsonObject latency = eval.value(QLatin1String("latency_ms")).toObject();
            const QString stage = v.value(QLatin1String("stage")).toString();
            auto* item = new QTreeWidgetItem(top);
            item->setData(0, kVersionRole, index++);
            item->setText(0, tr("version %1").arg(v.value(QLatin1String("version")).toInt()));
            item->setText(1, stageName(stage));
            if (stageColor(stage).isValid()) {
                item->setForeground(1, stageColor(stage));
                QFont f = item->font(1);
                f.setBold(true);
                item->setFont(1, f);
            }
            item->setText(2, lineage.value(QLatin1String("run_id")).toString());
            item->setText(3, lineage.value(QLatin1String("dataset")).toString() + QLatin1Char('@') +
                                 QString::number(lineage.value(QLatin1String("dataset_version")).toInt()));
            const bool passed = ver.value(QLatin1String("passed")).toBool();
            item->setText(4, passed ? tr("✔ verified") : tr("✘ not verified"));
            item->setForeground(4, passed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xb3, 0x26, 0x1e));
            item->setText(5, metricText(eval));
            item->setText(6, latency.isEmpty() ? QStringLiteral("–")
                                               : tr("%1 / %2 / %3 ms")
                                                     .arg(ms(latency.value(QLatin1String("p50")).toDouble()),
                                                          ms(latency.value(QLatin1String("p95")).toDouble()),
                                                          ms(latency.value(QLatin1String("p99")).toDouble())));
            const double rps = eval.value(QLatin1String("throughput"))
                                   .toObject()
                                   .value(QLatin1String("rows_per_s"))
                                   .toDouble();
            item->setText(7, rps > 0 ? tr("%1 rows/s").arg(QLocale().toString(qint64(rps + 0.5)))
                                     : QStringLiteral("–"));
            for (int c = 5; c <= 7; ++c) item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(2, tr("Double-click to open the run"));
            if (m_pendingSelect == reference(v))
                toSelect = item;
        }
        top->setExpanded(true);
    }
    if (toSelect && toSelect->parent() == nullptr && toSelect->childCount() > 0)
        toSelect = toSelect->child(toSelect->childCount() - 1);
    if (!toSelect && m_tree->topLevelItemCount() > 0) {
        QTreeWidgetItem* first = m_tree->topLevelItem(0);
        toSelect = first->childCount() > 0 ? first->child(first->childCount() - 1) : first;
    }
    m_filling = false;
    m_pendingSelect.clear();
    if (toSelect) m_tree->setCurrentItem(toSelect);
    m_loading = false;
    retranslateUi();
    showDetails();
    Q_EMIT loaded();
}

QJsonObject ModelsPage::currentVersion() const {
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item) return {};
    const int index = item->data(0, kVersionRole).toInt();
    const QJsonArray all = versions();
    return index >= 0 && index < all.size() ? all.at(index).toObject() : QJsonObject();
}

bool ModelsPage::select(const QString& ref) {
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = m_tree->topLevelItem(i);
        if (top->text(0) == ref && top->childCount() > 0) {
            m_tree->setCurrentItem(top->child(top->childCount() - 1));
            return true;
        }
        for (int j = 0; j < top->childCount(); ++j) {
            const int index = top->child(j)->data(0, kVersionRole).toInt();
            if (reference(versions().at(index).toObject()) == ref) {
                m_tree->setCurrentItem(top->child(j));
                return true;
            }
        }
    }
    return false;
}

void ModelsPage::setStage(const QString& ref, const QString& stage) {
    const QString dir = m_workspace;
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, ref, stage] {
        watcher->deleteLater();
        const QString error = watcher->result();
        Q_EMIT stageChanged(ref, stage, error.isEmpty(), error);
        if (!error.isEmpty()) m_status->setText(error);
        reload(ref);
    });
    watcher->setFuture(QtConcurrent::run([dir, ref, stage]() -> QString {
        try {
            auto ws = kiln::Workspace::open(dir.toStdString(), false);
            if (!ws) return QString::fromStdString(ws.error().toString());
            auto engines = kiln::engineModule();
            if (!engines) return QString::fromStdString(engines.error().toString());
            auto done = (*engines)->promoteModel(**ws, ref.toStdString(), stage.toStdString());
            return done ? QString() : QString::fromStdString(done.error().toString());
        } catch (const std::exception& e) {
            return QString::fromUtf8(e.what());
        }
    }));
}

void ModelsPage::showDetails() {
    const QJsonObject v = currentVersion();
    m_details->setEnabled(!v.isEmpty());
    m_filling = true;
    if (v.isEmpty()) {
        m_versionTitle->setText(m_tree->topLevelItemCount() == 0
                                    ? tr("No models yet. Register a completed run: open it and "
                                         "press Register as Model…")
                                    : tr("Select a version"));
        m_lineage->clear();
        m_verification->clear();
        m_evaluation->clear();
        m_filling = false;
        return;
    }
    const QString stage = v.value(QLatin1String("stage")).toString();
    m_stage->setCurrentIndex(std::max(0, int(modelStages().indexOf(stage))));
    m_filling = false;
    m_versionTitle->setText(reference(v));
    const QJsonObject lineage = v.value(QLatin1String("lineage")).toObject();
    const QString runId = lineage.value(QLatin1String("run_id")).toString();
    const QString dataset = lineage.value(QLatin1String("dataset")).toString() + QLatin1Char('@') +
                            QString::number(lineage.value(QLatin1String("dataset_version")).toInt());
    const QString hash = lineage.value(QLatin1String("dataset_version_hash")).toString().left(12);
    const QString row = QStringLiteral("<tr><td style='color:palette(mid); padding-right:10px'>%1</td>"
                                       "<td>%2</td></tr>");
    QString html = QStringLiteral("<b>%1</b><table>").arg(tr("Lineage"));
    html += row.arg(tr("Version"), reference(v).toHtmlEscaped());
    html += row.arg(tr("Run"), QStringLiteral("<a href='run:%1'>%1</a>").arg(runId.toHtmlEscaped()));
    html += row.arg(tr("Dataset"), QStringLiteral("<a href='dataset:%1'>%1</a> <small>%2…</small>")
                                       .arg(dataset.toHtmlEscaped(), hash));
    html += row.arg(tr("Registered"), v.value(QLatin1String("created_at")).toString());
    html += row.arg(tr("File"), v.value(QLatin1String("onnx_path")).toString().toHtmlEscaped());
    html += row.arg(tr("SHA-256"), v.value(QLatin1String("onnx_sha256")).toString().left(16) +
                                       QStringLiteral("…"));
    m_lineage->setText(html + QStringLiteral("</table>"));

    const QJsonObject ver = v.value(QLatin1String("verification")).toObject();
    const bool passed = ver.value(QLatin1String("passed")).toBool();
    const QJsonObject eval = v.value(QLatin1String("system_evaluation")).toObject();
    const bool classification = eval.value(QLatin1String("metric")).toString() != QLatin1String("r2");
    html = QStringLiteral("<b>%1</b> <span style='color:%2'>%3</span><table>")
               .arg(tr("Verification"), passed ? QStringLiteral("#2e7d32") : QStringLiteral("#b3261e"),
                    passed ? tr("✔ passed") : tr("✘ failed"));
    html += row.arg(tr("Checker"),
                    ExportResultDialog::checkerText(ver.value(QLatin1String("checker")).toString()).toHtmlEscaped());
    html += row.arg(tr("Rows compared"), QLocale().toString(ver.value(QLatin1String("rows")).toInt()));
    if (classification) {
        html += row.arg(tr("Max |Δ probability|"),
                        formatDifference(ver.value(QLatin1String("max_abs_diff")).toDouble()));
        html += row.arg(tr("Labels differing"),
                        QString::number(ver.value(QLatin1String("label_mismatches")).toInt()));
    } else {
        html += row.arg(tr("Max relative error"),
                        formatDifference(ver.value(QLatin1String("max_rel_diff")).toDouble()));
    }
    html += row.arg(tr("Tolerance"), formatDifference(ver.value(QLatin1String("tolerance")).toDouble()));
    m_verification->setText(html + QStringLiteral("</table>"));

    const QJsonObject latency = eval.value(QLatin1String("latency_ms")).toObject();
    html = QStringLiteral("<b>%1</b><table>").arg(tr("System evaluation"));
    if (eval.isEmpty()) {
        html += row.arg(tr("Not evaluated"), QString());
    } else {
        html += row.arg(classification ? tr("Accuracy") : tr("R²"), metricText(eval));
        html += row.arg(tr("Test rows"), QLocale().toString(eval.value(QLatin1String("rows")).toInt()));
        html += row.arg(tr("Latency p50"), tr("%1 ms").arg(ms(latency.value(QLatin1String("p50")).toDouble())));
        html += row.arg(tr("Latency p95"), tr("%1 ms").arg(ms(latency.value(QLatin1String("p95")).toDouble())));
        html += row.arg(tr("Latency p99"), tr("%1 ms").arg(ms(latency.value(QLatin1String("p99")).toDouble())));
        const double rps =
            eval.value(QLatin1String("throughput")).toObject().value(QLatin1String("rows_per_s")).toDouble();
        html += row.arg(tr("Throughput"), tr("%1 rows/s at batch 64").arg(QLocale().toString(qint64(rps + 0.5))));
        html += row.arg(tr("Threads"), QString::number(eval.value(QLatin1String("threads")).toInt()));
    }
    m_evaluation->setText(html + QStringLiteral("</table>"));
}

QString ModelsPage::detailsText() const {
    QStringList parts;
    for (QLabel* l : {m_versionTitle, m_lineage, m_verification, m_evaluation}) parts << l->text();
    return parts.join(QLatin1Char('\n'));
}

void ModelsPage::showContextMenu(const QPoint& pos) {
    QTreeWidgetItem* item = m_tree->itemAt(pos);
    if (!item) return;
    m_tree->setCurrentItem(item);
    const QJsonObject v = currentVersion();
    if (v.isEmpty()) return;
    QMenu menu(this);
    QMenu* stages = menu.addMenu(tr("Set Stage"));
    for (const QString& s : modelStages()) {
        QAction* a = stages->addAction(stageName(s));
        a->setCheckable(true);
        a->setChecked(s == v.value(QLatin1String("stage")).toString());
        connect(a, &QAction::triggered, this, [this, v, s] { setStage(reference(v), s); });
    }
    menu.addAction(tr("Predict…"), this, [this, v] {
        Q_EMIT predictRequested(reference(v), v.value(QLatin1String("onnx_path")).toString());
    });
    menu.addAction(tr("Serve…"), this, [this, v] { Q_EMIT serveRequested(reference(v)); });
    const QString runId = v.value(QLatin1String("lineage")).toObject().value(QLatin1String("run_id")).toString();
    menu.addAction(tr("Open Run"), this, [this, runId] { Q_EMIT openRunRequested(runId); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

QString ModelsPage::stageName(const QString& stage) const {
    if (stage == QLatin1String("staging")) return tr("Staging");
    if (stage == QLatin1String("production")) return tr("Production");
    if (stage == QLatin1String("archived")) return tr("Archived");
    return tr("None");
}

void ModelsPage::retranslateUi() {
    m_title->setText(tr("Models"));
    m_refresh->setText(tr("Refresh"));
    m_stageLabel->setText(tr("Stage:"));
    m_predict->setText(tr("Predict…"));
    m_serve->setText(tr("Serve…"));
    m_serve->setToolTip(tr("Answer predictions of this version over HTTP, with its traffic logged"));
    for (int i = 0; i < m_stage->count(); ++i)
        m_stage->setItemText(i, stageName(m_stage->itemData(i).toString()));
    m_tree->setHeaderLabels({tr("Model / version"), tr("Stage"), tr("Run"), tr("Dataset"),
                             tr("Verification"), tr("Accuracy / R²"), tr("Latency p50/p95/p99"),
                             tr("Throughput")});
    int versionCount = 0;
    for (const auto& m : m_doc.value(QLatin1String("models")).toArray())
        versionCount += m.toObject().value(QLatin1String("versions")).toArray().size();
    const int modelCount = m_doc.value(QLatin1String("models")).toArray().size();
    if (!m_error.isEmpty())
        m_status->setText(tr("Could not read the registry: %1").arg(m_error));
    else
        m_status->setText((modelCount == 1 ? tr("1 model") : tr("%1 models").arg(modelCount)) +
                          QStringLiteral(" · ") +
                          tr("%n version(s)", nullptr, int(versionCount)));
}

void ModelsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && !m_loading) {
        // The tree's words are made as it is filled: fill it again, on the version shown.
        const QJsonObject current = currentVersion();
        if (!current.isEmpty()) m_pendingSelect = reference(current);
        display(m_doc, m_error);
    } else if (event->type() == QEvent::LanguageChange) {
        retranslateUi();  // the tree is filled in the new language when the read comes back
    }
    QWidget::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
