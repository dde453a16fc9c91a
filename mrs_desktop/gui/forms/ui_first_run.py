# Generated from ui/first_run.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget, QWizard, QWizardPage)

class Ui_FirstRunWizard(object):
    def setupUi(self, FirstRunWizard):
        if not FirstRunWizard.objectName():
            FirstRunWizard.setObjectName(u"FirstRunWizard")
        FirstRunWizard.resize(640, 440)
        FirstRunWizard.setWizardStyle(QWizard.ModernStyle)
        FirstRunWizard.setOptions(QWizard.NoBackButtonOnStartPage|QWizard.NoCancelButtonOnLastPage)
        self.node_page = QWizardPage()
        self.node_page.setObjectName(u"node_page")
        self.node_form = QFormLayout(self.node_page)
        self.node_form.setObjectName(u"node_form")
        self.node_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.node_form.setVerticalSpacing(4)
        self.country_label = QLabel(self.node_page)
        self.country_label.setObjectName(u"country_label")

        self.node_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country = QComboBox(self.node_page)
        self.country.setObjectName(u"country")
        self.country.setMinimumSize(QSize(260, 0))
        self.country.setMaxVisibleItems(10)

        self.node_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.country)

        self.country_error = QLabel(self.node_page)
        self.country_error.setObjectName(u"country_error")

        self.node_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.country_error)

        self.organisation_label = QLabel(self.node_page)
        self.organisation_label.setObjectName(u"organisation_label")

        self.node_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation = QLineEdit(self.node_page)
        self.organisation.setObjectName(u"organisation")

        self.node_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.organisation_error = QLabel(self.node_page)
        self.organisation_error.setObjectName(u"organisation_error")

        self.node_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.organisation_error)

        self.focal_point_label = QLabel(self.node_page)
        self.focal_point_label.setObjectName(u"focal_point_label")

        self.node_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.focal_point_label)

        self.focal_point = QLineEdit(self.node_page)
        self.focal_point.setObjectName(u"focal_point")

        self.node_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.focal_point)

        self.focal_point_error = QLabel(self.node_page)
        self.focal_point_error.setObjectName(u"focal_point_error")

        self.node_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.focal_point_error)

        self.node_spacer = QSpacerItem(20, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.node_form.setItem(6, QFormLayout.ItemRole.SpanningRole, self.node_spacer)

        self.database_note = QLabel(self.node_page)
        self.database_note.setObjectName(u"database_note")
        self.database_note.setWordWrap(True)
        self.database_note.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.node_form.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.database_note)

        FirstRunWizard.addPage(self.node_page)
        self.start_page = QWizardPage()
        self.start_page.setObjectName(u"start_page")
        self.start_layout = QVBoxLayout(self.start_page)
        self.start_layout.setObjectName(u"start_layout")
        self.start_import = QRadioButton(self.start_page)
        self.start_import.setObjectName(u"start_import")

        self.start_layout.addWidget(self.start_import)

        self.start_import_note = QLabel(self.start_page)
        self.start_import_note.setObjectName(u"start_import_note")
        self.start_import_note.setWordWrap(True)
        self.start_import_note.setIndent(24)

        self.start_layout.addWidget(self.start_import_note)

        self.start_demo = QRadioButton(self.start_page)
        self.start_demo.setObjectName(u"start_demo")

        self.start_layout.addWidget(self.start_demo)

        self.start_demo_note = QLabel(self.start_page)
        self.start_demo_note.setObjectName(u"start_demo_note")
        self.start_demo_note.setWordWrap(True)
        self.start_demo_note.setIndent(24)

        self.start_layout.addWidget(self.start_demo_note)

        self.start_empty = QRadioButton(self.start_page)
        self.start_empty.setObjectName(u"start_empty")
        self.start_empty.setChecked(True)

        self.start_layout.addWidget(self.start_empty)

        self.start_empty_note = QLabel(self.start_page)
        self.start_empty_note.setObjectName(u"start_empty_note")
        self.start_empty_note.setWordWrap(True)
        self.start_empty_note.setIndent(24)

        self.start_layout.addWidget(self.start_empty_note)

        self.start_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.start_layout.addItem(self.start_spacer)

        FirstRunWizard.addPage(self.start_page)
#if QT_CONFIG(shortcut)
        self.country_label.setBuddy(self.country)
        self.organisation_label.setBuddy(self.organisation)
        self.focal_point_label.setBuddy(self.focal_point)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.country, self.organisation)
        QWidget.setTabOrder(self.organisation, self.focal_point)
        QWidget.setTabOrder(self.focal_point, self.start_import)
        QWidget.setTabOrder(self.start_import, self.start_demo)
        QWidget.setTabOrder(self.start_demo, self.start_empty)

        self.retranslateUi(FirstRunWizard)

        QMetaObject.connectSlotsByName(FirstRunWizard)
    # setupUi

    def retranslateUi(self, FirstRunWizard):
        FirstRunWizard.setWindowTitle(QCoreApplication.translate("FirstRunWizard", u"MRS Desktop: first start", None))
        self.node_page.setTitle(QCoreApplication.translate("FirstRunWizard", u"Welcome to MRS Desktop", None))
        self.node_page.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"It keeps your country's register of skills assessors, trainings and action plans. Who keeps it? This creates your node, the identity that signs what you share with partners.", None))
        self.country_label.setText(QCoreApplication.translate("FirstRunWizard", u"&Country:", None))
        self.country.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"Choose your country\u2026", None))
        self.organisation_label.setText(QCoreApplication.translate("FirstRunWizard", u"&Organisation:", None))
        self.organisation.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"e.g. Ministry of Labour and Vocational Training", None))
        self.focal_point_label.setText(QCoreApplication.translate("FirstRunWizard", u"&Focal point:", None))
        self.focal_point.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"Your name, as partners know you", None))
        self.start_page.setTitle(QCoreApplication.translate("FirstRunWizard", u"How would you like to start?", None))
        self.start_page.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"Your node is ready. You can import, add or change records at any time.", None))
        self.start_import.setText(QCoreApplication.translate("FirstRunWizard", u"&Import the ministry's assessor spreadsheet\u2026", None))
        self.start_import_note.setText(QCoreApplication.translate("FirstRunWizard", u"A CSV or Excel file: you match its columns to the register's fields and see every problem before anything is saved.", None))
        self.start_demo.setText(QCoreApplication.translate("FirstRunWizard", u"Open with &demo data", None))
        self.start_demo_note.setText(QCoreApplication.translate("FirstRunWizard", u"About 300 invented assessors, with trainings and action plans, in all the region's scripts: a safe way to try things out. Keep real work in a database of its own.", None))
        self.start_empty.setText(QCoreApplication.translate("FirstRunWizard", u"Start with an &empty register", None))
        self.start_empty_note.setText(QCoreApplication.translate("FirstRunWizard", u"Add assessors one by one, or import a spreadsheet later from the File menu.", None))
    # retranslateUi

