# Generated from ui/import_source.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_source.ui'
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
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget, QWizardPage)

class Ui_ImportSourcePage(object):
    def setupUi(self, ImportSourcePage):
        if not ImportSourcePage.objectName():
            ImportSourcePage.setObjectName(u"ImportSourcePage")
        ImportSourcePage.resize(760, 420)
        self.layout = QVBoxLayout(ImportSourcePage)
        self.layout.setObjectName(u"layout")
        self.kind_group = QGroupBox(ImportSourcePage)
        self.kind_group.setObjectName(u"kind_group")
        self.kind_layout = QVBoxLayout(self.kind_group)
        self.kind_layout.setObjectName(u"kind_layout")
        self.kind_assessors = QRadioButton(self.kind_group)
        self.kind_assessors.setObjectName(u"kind_assessors")

        self.kind_layout.addWidget(self.kind_assessors)

        self.kind_trainings = QRadioButton(self.kind_group)
        self.kind_trainings.setObjectName(u"kind_trainings")

        self.kind_layout.addWidget(self.kind_trainings)

        self.kind_action_items = QRadioButton(self.kind_group)
        self.kind_action_items.setObjectName(u"kind_action_items")

        self.kind_layout.addWidget(self.kind_action_items)

        self.kind_assessments = QRadioButton(self.kind_group)
        self.kind_assessments.setObjectName(u"kind_assessments")

        self.kind_layout.addWidget(self.kind_assessments)


        self.layout.addWidget(self.kind_group)

        self.file_group = QGroupBox(ImportSourcePage)
        self.file_group.setObjectName(u"file_group")
        self.file_layout = QVBoxLayout(self.file_group)
        self.file_layout.setObjectName(u"file_layout")
        self.path_row = QHBoxLayout()
        self.path_row.setObjectName(u"path_row")
        self.path = QLineEdit(self.file_group)
        self.path.setObjectName(u"path")
        self.path.setClearButtonEnabled(True)

        self.path_row.addWidget(self.path)

        self.browse = QPushButton(self.file_group)
        self.browse.setObjectName(u"browse")

        self.path_row.addWidget(self.browse)


        self.file_layout.addLayout(self.path_row)

        self.path_error = QLabel(self.file_group)
        self.path_error.setObjectName(u"path_error")
        self.path_error.setWordWrap(True)
        self.path_error.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.file_layout.addWidget(self.path_error)


        self.layout.addWidget(self.file_group)

        self.template_row = QHBoxLayout()
        self.template_row.setObjectName(u"template_row")
        self.template_note = QLabel(ImportSourcePage)
        self.template_note.setObjectName(u"template_note")
        self.template_note.setWordWrap(True)

        self.template_row.addWidget(self.template_note)

        self.save_template = QPushButton(ImportSourcePage)
        self.save_template.setObjectName(u"save_template")

        self.template_row.addWidget(self.save_template)

        self.template_row.setStretch(0, 1)

        self.layout.addLayout(self.template_row)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottom_spacer)

        QWidget.setTabOrder(self.kind_assessors, self.kind_trainings)
        QWidget.setTabOrder(self.kind_trainings, self.kind_action_items)
        QWidget.setTabOrder(self.kind_action_items, self.path)
        QWidget.setTabOrder(self.path, self.browse)
        QWidget.setTabOrder(self.browse, self.save_template)

        self.retranslateUi(ImportSourcePage)

        QMetaObject.connectSlotsByName(ImportSourcePage)
    # setupUi

    def retranslateUi(self, ImportSourcePage):
        ImportSourcePage.setTitle(QCoreApplication.translate("ImportSourcePage", u"Choose a spreadsheet", None))
        ImportSourcePage.setSubTitle(QCoreApplication.translate("ImportSourcePage", u"Import records from a CSV (UTF-8) or Excel (.xlsx) file whose first row names the columns. Nothing is changed until the last step.", None))
        self.kind_group.setTitle(QCoreApplication.translate("ImportSourcePage", u"The file holds", None))
        self.kind_assessors.setText(QCoreApplication.translate("ImportSourcePage", u"&Assessors and their accreditations (one row per accreditation)", None))
        self.kind_trainings.setText(QCoreApplication.translate("ImportSourcePage", u"&Trainings and their participants (one row per participant)", None))
        self.kind_action_items.setText(QCoreApplication.translate("ImportSourcePage", u"Action &plans and their items (one row per action item)", None))
        self.kind_assessments.setText(QCoreApplication.translate("ImportSourcePage", u"Assessment &results: a result sheet (one row per unit result)", None))
        self.file_group.setTitle(QCoreApplication.translate("ImportSourcePage", u"File", None))
        self.path.setPlaceholderText(QCoreApplication.translate("ImportSourcePage", u"The spreadsheet to import (.csv or .xlsx)", None))
        self.browse.setText(QCoreApplication.translate("ImportSourcePage", u"&Browse\u2026", None))
        self.path_error.setText("")
        self.template_note.setText(QCoreApplication.translate("ImportSourcePage", u"No file yet? Start from the empty template, which has every column.", None))
        self.save_template.setText(QCoreApplication.translate("ImportSourcePage", u"&Save an empty template\u2026", None))
    # retranslateUi

