# Generated from ui/import_mapping.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_mapping.ui'
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
    QLabel, QPushButton, QSizePolicy, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget, QWizardPage)

class Ui_ImportMappingPage(object):
    def setupUi(self, ImportMappingPage):
        if not ImportMappingPage.objectName():
            ImportMappingPage.setObjectName(u"ImportMappingPage")
        ImportMappingPage.resize(760, 460)
        self.layout = QVBoxLayout(ImportMappingPage)
        self.layout.setObjectName(u"layout")
        self.columns = QTableWidget(ImportMappingPage)
        self.columns.setObjectName(u"columns")
        self.columns.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.columns.setSelectionMode(QAbstractItemView.NoSelection)
        self.columns.setAlternatingRowColors(True)
        self.columns.setWordWrap(False)
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.verticalHeader().setVisible(False)

        self.layout.addWidget(self.columns)

        self.problems = QLabel(ImportMappingPage)
        self.problems.setObjectName(u"problems")
        self.problems.setWordWrap(True)

        self.layout.addWidget(self.problems)

        self.buttons_row = QHBoxLayout()
        self.buttons_row.setObjectName(u"buttons_row")
        self.note = QLabel(ImportMappingPage)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.buttons_row.addWidget(self.note)

        self.guess_again = QPushButton(ImportMappingPage)
        self.guess_again.setObjectName(u"guess_again")

        self.buttons_row.addWidget(self.guess_again)

        self.buttons_row.setStretch(0, 1)

        self.layout.addLayout(self.buttons_row)


        self.retranslateUi(ImportMappingPage)

        QMetaObject.connectSlotsByName(ImportMappingPage)
    # setupUi

    def retranslateUi(self, ImportMappingPage):
        ImportMappingPage.setTitle(QCoreApplication.translate("ImportMappingPage", u"Match the columns", None))
        ImportMappingPage.setSubTitle(QCoreApplication.translate("ImportMappingPage", u"Say which field of the register each column of the file fills. Obvious matches are guessed, and your choices are remembered for files laid out the same way.", None))
        self.problems.setText("")
        self.note.setText(QCoreApplication.translate("ImportMappingPage", u"Columns set to \u201cDo not import\u201d are left out. Fields marked * are required.", None))
        self.guess_again.setText(QCoreApplication.translate("ImportMappingPage", u"&Guess again", None))
    # retranslateUi

