#include "app/studio/about_dialog.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/base/build_info.h"
#include "core/modules/engine_module.h"
#include "widgets/environment_probe.h"

namespace kiln {
namespace studio {
namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

QString orUnknown(const std::string& text) {
    return text.empty() ? QCoreApplication::translate("kiln::studio::AboutDialog", "unknown")
                        : q(text);
}

QString bytes(std::uint64_t count) {
    return QLocale().formattedDataSize(qint64(count));
}

}  // namespace

AboutDialog::AboutDialog(kiln::widgets::EnvironmentProbe* probe, QWidget* parent)
    : QDialog(parent),
      m_probe(probe),
      m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)),
      m_cuda(new QLabel(this)),
      m_tree(new QTreeWidget(this)),
      m_copy(new QPushButton(this)),
      m_close(new QPushButton(this)) {
    setObjectName(QStringLiteral("aboutDialog"));
    resize(720, 560);
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/kiln.svg")).pixmap(72, 72));
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() + 6);
    font.setBold(true);
    m_title->setFont(font);
    m_subtitle->setWordWrap(true);
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto* header = new QHBoxLayout;
    header->addWidget(icon);
    header->addSpacing(12);
    header->addLayout(titles, 1);

    m_tree->setColumnCount(2);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    m_close->setDefault(true);

    m_cuda->setObjectName(QStringLiteral("cudaCallout"));
    m_cuda->setWordWrap(true);
    m_cuda->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cuda->setStyleSheet(QStringLiteral(
        "QLabel#cudaCallout { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 6px; padding: 8px; }"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_cuda);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    connect(m_copy, &QPushButton::clicked, this, &AboutDialog::copyReport);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_probe, &kiln::widgets::EnvironmentProbe::ready, this, &AboutDialog::fillTree);
    m_probe->start();
    retranslateUi();
}

void AboutDialog::retranslateUi() {
    setWindowTitle(tr("About Kiln"));
    m_title->setText(tr("Kiln Studio %1").arg(QLatin1String(kiln::build::kKilnVersion)));
    m_subtitle->setText(
        tr("A native desktop workbench for machine learning: explore data, train, "
           "compare and export ONNX models."));
    m_tree->setHeaderLabels({tr("Item"), tr("Value")});
    m_copy->setText(tr("&Copy to Clipboard"));
    m_copy->setToolTip(tr("Copy the version and environment, for a bug report"));
    m_close->setText(tr("Close"));
    fillTree();
}

QTreeWidgetItem* AboutDialog::addGroup(const QString& title) {
    auto* group = new QTreeWidgetItem(m_tree, {title});
    QFont font = group->font(0);
    font.setBold(true);
    group->setFont(0, font);
    group->setFirstColumnSpanned(true);
    group->setExpanded(true);
    return group;
}

void AboutDialog::addRow(QTreeWidgetItem* group, const QString& key, const QString& value) {
    auto* item = new QTreeWidgetItem(group, {key, value});
    item->setToolTip(1, value);
}

void AboutDialog::fillTree() {
    m_tree->clear();
    m_copy->setEnabled(m_probe->isReady());
    if (!m_probe->isReady()) {
        new QTreeWidgetItem(m_tree, {tr("Reading the environment…")});
        m_cuda->setText(tr("Checking for CUDA…"));
        return;
    }
    const kiln::Environment& env = m_probe->environment();
    m_cuda->setText((env.cudaAvailable ? tr("<b>CUDA is available.</b> %1")
                                       : tr("<b>CUDA is not available.</b> %1"))
                        .arg(q(env.cudaReason).toHtmlEscaped()));
    QTreeWidgetItem* kilnGroup = addGroup(tr("Kiln"));
    addRow(kilnGroup, tr("Version"), QLatin1String(kiln::build::kKilnVersion));
    addRow(kilnGroup, tr("Build type"), QLatin1String(kiln::build::kBuildType));
    addRow(kilnGroup, tr("Engines"),
           kiln::engineModuleLoaded() ? QString::fromStdString(kiln::engineModulePath().string())
                                      : tr("not loaded: %1").arg(orUnknown(env.cudaReason)));
    QTreeWidgetItem* systemGroup = addGroup(tr("System"));
    addRow(systemGroup, tr("Operating system"), orUnknown(env.os));
    addRow(systemGroup, tr("Kernel"), orUnknown(env.kernel));
    addRow(systemGroup, tr("Host name"), orUnknown(env.hostname));
    addRow(systemGroup, tr("CPU"), orUnknown(env.cpuModel));
    addRow(systemGroup, tr("Cores"), QString::number(env.cpuCores));
    addRow(systemGroup, tr("Memory"), bytes(env.memoryBytes));
    QTreeWidgetItem* libraries = addGroup(tr("Libraries"));
    addRow(libraries, tr("Compiler"), orUnknown(env.compiler));
    addRow(libraries, tr("Qt"), orUnknown(env.qtVersion.empty() ? qVersion() : env.qtVersion));
    addRow(libraries, tr("LibTorch"),
           tr("%1 (threads: %2)").arg(orUnknown(env.torchVersion)).arg(env.torchThreads));
    addRow(libraries, tr("OpenCV"), orUnknown(env.opencvVersion));
    addRow(libraries, tr("SQLite"), orUnknown(env.sqliteVersion));
    addRow(libraries, tr("BLAS"), orUnknown(env.blas));
    QTreeWidgetItem* acceleration = addGroup(tr("Acceleration"));
    addRow(acceleration, tr("CUDA available"), env.cudaAvailable ? tr("Yes") : tr("No"));
    addRow(acceleration, tr("Why"), orUnknown(env.cudaReason));
    if (!env.cudaVersion.empty()) addRow(acceleration, tr("CUDA version"), q(env.cudaVersion));
    for (const kiln::GpuInfo& gpu : env.gpus)
        addRow(acceleration, tr("GPU %1").arg(gpu.index),
               tr("%1, %2").arg(q(gpu.name), bytes(gpu.memoryBytes)));
    if (env.gpus.empty()) addRow(acceleration, tr("GPUs"), tr("none found"));
}

QString AboutDialog::reportText() const {
    QString text = QStringLiteral("Kiln Studio %1\n").arg(QLatin1String(kiln::build::kKilnVersion));
    if (!m_probe->isReady()) return text;  // the probe loads the engines; never the GUI thread
    auto engines = kiln::engineModule();
    if (engines) text += q((*engines)->environmentText(m_probe->environment()));
    return text;
}

void AboutDialog::copyReport() const {
    QGuiApplication::clipboard()->setText(reportText());
}

void AboutDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
