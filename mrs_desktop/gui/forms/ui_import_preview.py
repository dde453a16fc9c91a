# Generated from ui/import_preview.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSplitter,
    QTableView, QVBoxLayout, QWidget, QWizardPage)

class Ui_ImportPreviewPage(object):
    def setupUi(self, ImportPreviewPage):
        if not ImportPreviewPage.objectName():
            ImportPreviewPage.setObjectName(u"ImportPreviewPage")
        ImportPreviewPage.resize(760, 480)
        self.layout = QVBoxLayout(ImportPreviewPage)
        self.layout.setObjectName(u"layout")
        self.summary_row = QHBoxLayout()
        self.summary_row.setObjectName(u"summary_row")
        self.summary = QLabel(ImportPreviewPage)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.summary_row.addWidget(self.summary)

        self.check_again = QPushButton(ImportPreviewPage)
        self.check_again.setObjectName(u"check_again")

        self.summary_row.addWidget(self.check_again)

        self.summary_row.setStretch(0, 1)

        self.layout.addLayout(self.summary_row)

        self.splitter = QSplitter(ImportPreviewPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.errors_box = QWidget(self.splitter)
        self.errors_box.setObjectName(u"errors_box")
        self.errors_layout = QVBoxLayout(self.errors_box)
        self.errors_layout.setObjectName(u"errors_layout")
        self.errors_layout.setContentsMargins(0, 0, 0, 0)
        self.errors_label = QLabel(self.errors_box)
        self.errors_label.setObjectName(u"errors_label")

        self.errors_layout.addWidget(self.errors_label)

        self.errors = QTableView(self.errors_box)
        self.errors.setObjectName(u"errors")
        self.errors.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.errors.setAlternatingRowColors(True)
        self.errors.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.errors.setWordWrap(False)
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.errors.verticalHeader().setVisible(False)

        self.errors_layout.addWidget(self.errors)

        self.splitter.addWidget(self.errors_box)
        self.rows_box = QWidget(self.splitter)
        self.rows_box.setObjectName(u"rows_box")
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setObjectName(u"rows_layout")
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_label = QLabel(self.rows_box)
        self.rows_label.setObjectName(u"rows_label")

        self.rows_layout.addWidget(self.rows_label)

        self.rows = QTableView(self.rows_box)
        self.rows.setObjectName(u"rows")
        self.rows.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.rows.setAlternatingRowColors(True)
        self.rows.setWordWrap(False)

        self.rows_layout.addWidget(self.rows)

        self.splitter.addWidget(self.rows_box)

        self.layout.addWidget(self.splitter)


        self.retranslateUi(ImportPreviewPage)

        QMetaObject.connectSlotsByName(ImportPreviewPage)
    # setupUi

    def retranslateUi(self, ImportPreviewPage):
        ImportPreviewPage.setTitle(QCoreApplication.translate("ImportPreviewPage", u"Check before importing", None))
        ImportPreviewPage.setSubTitle(QCoreApplication.translate("ImportPreviewPage", u"Every row is checked first. The import writes all rows or, if any row is wrong, none.", None))
        self.summary.setText("")
        self.check_again.setText(QCoreApplication.translate("ImportPreviewPage", u"&Check again", None))
        self.errors_label.setText("")
        self.rows_label.setText("")
    # retranslateUi

