# Generated from ui/sync_preview.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_preview.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_PreviewDialog(object):
    def setupUi(self, PreviewDialog):
        if not PreviewDialog.objectName():
            PreviewDialog.setObjectName(u"PreviewDialog")
        PreviewDialog.resize(900, 600)
        self.preview_layout = QVBoxLayout(PreviewDialog)
        self.preview_layout.setObjectName(u"preview_layout")
        self.sender_form = QFormLayout()
        self.sender_form.setObjectName(u"sender_form")
        self.sender_label = QLabel(PreviewDialog)
        self.sender_label.setObjectName(u"sender_label")

        self.sender_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sender_label)

        self.sender = QLabel(PreviewDialog)
        self.sender.setObjectName(u"sender")
        self.sender.setText(u"")
        self.sender.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sender_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sender)

        self.sender_fingerprint_label = QLabel(PreviewDialog)
        self.sender_fingerprint_label.setObjectName(u"sender_fingerprint_label")

        self.sender_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sender_fingerprint_label)

        self.sender_fingerprint = QLabel(PreviewDialog)
        self.sender_fingerprint.setObjectName(u"sender_fingerprint")
        self.sender_fingerprint.setText(u"")
        self.sender_fingerprint.setStyleSheet(u"QLabel { font-family: monospace; }")
        self.sender_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sender_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sender_fingerprint)

        self.made_label = QLabel(PreviewDialog)
        self.made_label.setObjectName(u"made_label")

        self.sender_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.made_label)

        self.made = QLabel(PreviewDialog)
        self.made.setObjectName(u"made")
        self.made.setText(u"")

        self.sender_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.made)


        self.preview_layout.addLayout(self.sender_form)

        self.totals = QLabel(PreviewDialog)
        self.totals.setObjectName(u"totals")
        self.totals.setText(u"")
        font = QFont()
        font.setBold(True)
        self.totals.setFont(font)

        self.preview_layout.addWidget(self.totals)

        self.warnings = QLabel(PreviewDialog)
        self.warnings.setObjectName(u"warnings")
        self.warnings.setText(u"")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(u"QLabel { color: #8a4b00; }")

        self.preview_layout.addWidget(self.warnings)

        self.tabs = QTabWidget(PreviewDialog)
        self.tabs.setObjectName(u"tabs")
        self.summary_tab = QWidget()
        self.summary_tab.setObjectName(u"summary_tab")
        self.summary_layout = QVBoxLayout(self.summary_tab)
        self.summary_layout.setObjectName(u"summary_layout")
        self.summary_layout.setContentsMargins(0, 6, 0, 0)
        self.summary = QTableView(self.summary_tab)
        self.summary.setObjectName(u"summary")
        self.summary.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary.setAlternatingRowColors(True)
        self.summary.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary.setWordWrap(False)
        self.summary.horizontalHeader().setStretchLastSection(True)
        self.summary.verticalHeader().setVisible(False)

        self.summary_layout.addWidget(self.summary)

        self.tabs.addTab(self.summary_tab, "")
        self.records_tab = QWidget()
        self.records_tab.setObjectName(u"records_tab")
        self.records_layout = QVBoxLayout(self.records_tab)
        self.records_layout.setObjectName(u"records_layout")
        self.records_layout.setContentsMargins(0, 6, 0, 0)
        self.records_bar = QHBoxLayout()
        self.records_bar.setObjectName(u"records_bar")
        self.outcome_label = QLabel(self.records_tab)
        self.outcome_label.setObjectName(u"outcome_label")

        self.records_bar.addWidget(self.outcome_label)

        self.outcome_filter = QComboBox(self.records_tab)
        self.outcome_filter.setObjectName(u"outcome_filter")

        self.records_bar.addWidget(self.outcome_filter)

        self.records_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.records_bar.addItem(self.records_stretch)


        self.records_layout.addLayout(self.records_bar)

        self.lines = QTableView(self.records_tab)
        self.lines.setObjectName(u"lines")
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setAlternatingRowColors(True)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setWordWrap(False)
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.verticalHeader().setVisible(False)

        self.records_layout.addWidget(self.lines)

        self.tabs.addTab(self.records_tab, "")
        self.conflicts_tab = QWidget()
        self.conflicts_tab.setObjectName(u"conflicts_tab")
        self.conflicts_layout = QVBoxLayout(self.conflicts_tab)
        self.conflicts_layout.setObjectName(u"conflicts_layout")
        self.conflicts_layout.setContentsMargins(0, 6, 0, 0)
        self.conflicts_note = QLabel(self.conflicts_tab)
        self.conflicts_note.setObjectName(u"conflicts_note")
        self.conflicts_note.setWordWrap(True)

        self.conflicts_layout.addWidget(self.conflicts_note)

        self.conflicts = QTableView(self.conflicts_tab)
        self.conflicts.setObjectName(u"conflicts")
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setAlternatingRowColors(True)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setWordWrap(False)
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.verticalHeader().setVisible(False)

        self.conflicts_layout.addWidget(self.conflicts)

        self.tabs.addTab(self.conflicts_tab, "")

        self.preview_layout.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(PreviewDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.preview_layout.addWidget(self.buttons)

        self.preview_layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.outcome_label.setBuddy(self.outcome_filter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PreviewDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(PreviewDialog)
    # setupUi

    def retranslateUi(self, PreviewDialog):
        PreviewDialog.setWindowTitle(QCoreApplication.translate("PreviewDialog", u"Import a bundle", None))
        self.sender_label.setText(QCoreApplication.translate("PreviewDialog", u"From:", None))
        self.sender_fingerprint_label.setText(QCoreApplication.translate("PreviewDialog", u"Fingerprint:", None))
        self.made_label.setText(QCoreApplication.translate("PreviewDialog", u"Made:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.summary_tab), QCoreApplication.translate("PreviewDialog", u"By register", None))
        self.outcome_label.setText(QCoreApplication.translate("PreviewDialog", u"&Show:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.records_tab), QCoreApplication.translate("PreviewDialog", u"Records", None))
        self.conflicts_note.setText(QCoreApplication.translate("PreviewDialog", u"Both sides changed these fields. The later change is applied; the other is kept in the conflict queue on the Sync page for you to decide.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts_tab), QCoreApplication.translate("PreviewDialog", u"Conflicts", None))
    # retranslateUi

