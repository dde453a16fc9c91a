# Generated from ui/sync_page.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_SyncPage(object):
    def setupUi(self, SyncPage):
        if not SyncPage.objectName():
            SyncPage.setObjectName(u"SyncPage")
        SyncPage.resize(1100, 600)
        self.page_layout = QVBoxLayout(SyncPage)
        self.page_layout.setObjectName(u"page_layout")
        self.sync_header = QFrame(SyncPage)
        self.sync_header.setObjectName(u"sync_header")
        self.sync_header.setFrameShape(QFrame.Shape.StyledPanel)
        self.header_layout = QVBoxLayout(self.sync_header)
        self.header_layout.setObjectName(u"header_layout")
        self.header_top = QHBoxLayout()
        self.header_top.setObjectName(u"header_top")
        self.unsent = QLabel(self.sync_header)
        self.unsent.setObjectName(u"unsent")
        self.unsent.setText(u"")
        font = QFont()
        font.setBold(True)
        self.unsent.setFont(font)

        self.header_top.addWidget(self.unsent)

        self.header_gap = QSpacerItem(24, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.header_top.addItem(self.header_gap)

        self.counts = QLabel(self.sync_header)
        self.counts.setObjectName(u"counts")
        self.counts.setText(u"")

        self.header_top.addWidget(self.counts)

        self.header_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_top.addItem(self.header_stretch)

        self.import_bundle = QPushButton(self.sync_header)
        self.import_bundle.setObjectName(u"import_bundle")

        self.header_top.addWidget(self.import_bundle)

        self.export_bundle = QPushButton(self.sync_header)
        self.export_bundle.setObjectName(u"export_bundle")

        self.header_top.addWidget(self.export_bundle)


        self.header_layout.addLayout(self.header_top)

        self.sync_warnings = QLabel(self.sync_header)
        self.sync_warnings.setObjectName(u"sync_warnings")
        self.sync_warnings.setText(u"")
        self.sync_warnings.setWordWrap(True)
        self.sync_warnings.setStyleSheet(u"QLabel { color: #8a4b00; }")

        self.header_layout.addWidget(self.sync_warnings)


        self.page_layout.addWidget(self.sync_header)

        self.sync_tabs = QTabWidget(SyncPage)
        self.sync_tabs.setObjectName(u"sync_tabs")
        self.peers_tab = QWidget()
        self.peers_tab.setObjectName(u"peers_tab")
        self.peers_layout = QVBoxLayout(self.peers_tab)
        self.peers_layout.setObjectName(u"peers_layout")
        self.peers_bar = QHBoxLayout()
        self.peers_bar.setObjectName(u"peers_bar")
        self.peers_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.peers_bar.addItem(self.peers_stretch)

        self.trust_card = QPushButton(self.peers_tab)
        self.trust_card.setObjectName(u"trust_card")

        self.peers_bar.addWidget(self.trust_card)

        self.my_card = QPushButton(self.peers_tab)
        self.my_card.setObjectName(u"my_card")

        self.peers_bar.addWidget(self.my_card)

        self.revoke = QPushButton(self.peers_tab)
        self.revoke.setObjectName(u"revoke")

        self.peers_bar.addWidget(self.revoke)


        self.peers_layout.addLayout(self.peers_bar)

        self.peers = QTableView(self.peers_tab)
        self.peers.setObjectName(u"peers")
        self.peers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peers.setAlternatingRowColors(True)
        self.peers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peers.setWordWrap(False)
        self.peers.horizontalHeader().setStretchLastSection(True)
        self.peers.verticalHeader().setVisible(False)

        self.peers_layout.addWidget(self.peers)

        self.sync_tabs.addTab(self.peers_tab, "")
        self.conflicts_tab = QWidget()
        self.conflicts_tab.setObjectName(u"conflicts_tab")
        self.conflicts_layout = QVBoxLayout(self.conflicts_tab)
        self.conflicts_layout.setObjectName(u"conflicts_layout")
        self.conflicts_bar = QHBoxLayout()
        self.conflicts_bar.setObjectName(u"conflicts_bar")
        self.conflicts_note = QLabel(self.conflicts_tab)
        self.conflicts_note.setObjectName(u"conflicts_note")
        self.conflicts_note.setWordWrap(True)

        self.conflicts_bar.addWidget(self.conflicts_note)

        self.keep = QPushButton(self.conflicts_tab)
        self.keep.setObjectName(u"keep")

        self.conflicts_bar.addWidget(self.keep)

        self.restore = QPushButton(self.conflicts_tab)
        self.restore.setObjectName(u"restore")

        self.conflicts_bar.addWidget(self.restore)

        self.edit = QPushButton(self.conflicts_tab)
        self.edit.setObjectName(u"edit")

        self.conflicts_bar.addWidget(self.edit)

        self.conflicts_bar.setStretch(0, 1)

        self.conflicts_layout.addLayout(self.conflicts_bar)

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

        self.sync_tabs.addTab(self.conflicts_tab, "")
        self.history_tab = QWidget()
        self.history_tab.setObjectName(u"history_tab")
        self.history_layout = QVBoxLayout(self.history_tab)
        self.history_layout.setObjectName(u"history_layout")
        self.history_bar = QHBoxLayout()
        self.history_bar.setObjectName(u"history_bar")
        self.history_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.history_bar.addItem(self.history_stretch)

        self.undo_import = QPushButton(self.history_tab)
        self.undo_import.setObjectName(u"undo_import")

        self.history_bar.addWidget(self.undo_import)


        self.history_layout.addLayout(self.history_bar)

        self.history = QTableView(self.history_tab)
        self.history.setObjectName(u"history")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setAlternatingRowColors(True)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().setVisible(False)

        self.history_layout.addWidget(self.history)

        self.sync_tabs.addTab(self.history_tab, "")

        self.page_layout.addWidget(self.sync_tabs)

        self.page_layout.setStretch(1, 1)

        self.retranslateUi(SyncPage)

        self.sync_tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SyncPage)
    # setupUi

    def retranslateUi(self, SyncPage):
        SyncPage.setWindowTitle(QCoreApplication.translate("SyncPage", u"Sync", None))
        self.import_bundle.setText(QCoreApplication.translate("SyncPage", u"&Import bundle\u2026", None))
        self.export_bundle.setText(QCoreApplication.translate("SyncPage", u"E&xport bundle\u2026", None))
        self.trust_card.setText(QCoreApplication.translate("SyncPage", u"&Trust a card\u2026", None))
        self.my_card.setText(QCoreApplication.translate("SyncPage", u"&Save my card\u2026", None))
        self.revoke.setText(QCoreApplication.translate("SyncPage", u"&Revoke\u2026", None))
        self.sync_tabs.setTabText(self.sync_tabs.indexOf(self.peers_tab), QCoreApplication.translate("SyncPage", u"Peers", None))
        self.conflicts_note.setText(QCoreApplication.translate("SyncPage", u"Both sides changed these fields before seeing each other's change. The later change is applied everywhere; decide which value stays.", None))
        self.keep.setText(QCoreApplication.translate("SyncPage", u"&Keep applied", None))
        self.restore.setText(QCoreApplication.translate("SyncPage", u"Restore &overwritten", None))
        self.edit.setText(QCoreApplication.translate("SyncPage", u"&Edit\u2026", None))
        self.sync_tabs.setTabText(self.sync_tabs.indexOf(self.conflicts_tab), QCoreApplication.translate("SyncPage", u"Conflicts", None))
        self.undo_import.setText(QCoreApplication.translate("SyncPage", u"&Undo last import", None))
        self.sync_tabs.setTabText(self.sync_tabs.indexOf(self.history_tab), QCoreApplication.translate("SyncPage", u"Bundles in and out", None))
    # retranslateUi

