# Generated from ui/training_editor.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'training_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from mrs_desktop.gui.widgets.date_field import RequiredDateField
from mrs_desktop.gui.widgets.occupation_picker import OccupationPicker

class Ui_TrainingEditor(object):
    def setupUi(self, TrainingEditor):
        if not TrainingEditor.objectName():
            TrainingEditor.setObjectName(u"TrainingEditor")
        TrainingEditor.resize(600, 560)
        self.layout = QVBoxLayout(TrainingEditor)
        self.layout.setObjectName(u"layout")
        self.note = QLabel(TrainingEditor)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.title_label = QLabel(TrainingEditor)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(TrainingEditor)
        self.title.setObjectName(u"title")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.title_error = QLabel(TrainingEditor)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_error)

        self.kind_label = QLabel(TrainingEditor)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(TrainingEditor)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.kind_error = QLabel(TrainingEditor)
        self.kind_error.setObjectName(u"kind_error")
        self.kind_error.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kind_error)

        self.training_ref_label = QLabel(TrainingEditor)
        self.training_ref_label.setObjectName(u"training_ref_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.training_ref_label)

        self.training_ref = QLineEdit(TrainingEditor)
        self.training_ref.setObjectName(u"training_ref")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.training_ref)

        self.training_ref_error = QLabel(TrainingEditor)
        self.training_ref_error.setObjectName(u"training_ref_error")
        self.training_ref_error.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.training_ref_error)

        self.sector_label = QLabel(TrainingEditor)
        self.sector_label.setObjectName(u"sector_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sector_label)

        self.sector = QComboBox(TrainingEditor)
        self.sector.setObjectName(u"sector")
        self.sector.setEditable(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.sector)

        self.sector_error = QLabel(TrainingEditor)
        self.sector_error.setObjectName(u"sector_error")
        self.sector_error.setWordWrap(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.sector_error)

        self.occupation_label = QLabel(TrainingEditor)
        self.occupation_label.setObjectName(u"occupation_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.occupation_label)

        self.occupation = OccupationPicker(TrainingEditor)
        self.occupation.setObjectName(u"occupation")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.occupation)

        self.occupation_code_error = QLabel(TrainingEditor)
        self.occupation_code_error.setObjectName(u"occupation_code_error")
        self.occupation_code_error.setWordWrap(True)

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.occupation_code_error)

        self.occupation_title_error = QLabel(TrainingEditor)
        self.occupation_title_error.setObjectName(u"occupation_title_error")
        self.occupation_title_error.setWordWrap(True)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.occupation_title_error)

        self.host_institution_label = QLabel(TrainingEditor)
        self.host_institution_label.setObjectName(u"host_institution_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.host_institution_label)

        self.host_institution = QLineEdit(TrainingEditor)
        self.host_institution.setObjectName(u"host_institution")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.host_institution)

        self.host_institution_error = QLabel(TrainingEditor)
        self.host_institution_error.setObjectName(u"host_institution_error")
        self.host_institution_error.setWordWrap(True)

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.host_institution_error)

        self.host_country_label = QLabel(TrainingEditor)
        self.host_country_label.setObjectName(u"host_country_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.host_country_label)

        self.host_country = QComboBox(TrainingEditor)
        self.host_country.setObjectName(u"host_country")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.host_country)

        self.host_country_error = QLabel(TrainingEditor)
        self.host_country_error.setObjectName(u"host_country_error")
        self.host_country_error.setWordWrap(True)

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.host_country_error)

        self.venue_label = QLabel(TrainingEditor)
        self.venue_label.setObjectName(u"venue_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.venue_label)

        self.venue = QLineEdit(TrainingEditor)
        self.venue.setObjectName(u"venue")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.venue)

        self.venue_error = QLabel(TrainingEditor)
        self.venue_error.setObjectName(u"venue_error")
        self.venue_error.setWordWrap(True)

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.venue_error)

        self.start_date_label = QLabel(TrainingEditor)
        self.start_date_label.setObjectName(u"start_date_label")

        self.form.setWidget(17, QFormLayout.ItemRole.LabelRole, self.start_date_label)

        self.start_date = RequiredDateField(TrainingEditor)
        self.start_date.setObjectName(u"start_date")

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.start_date_error = QLabel(TrainingEditor)
        self.start_date_error.setObjectName(u"start_date_error")
        self.start_date_error.setWordWrap(True)

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.start_date_error)

        self.end_date_label = QLabel(TrainingEditor)
        self.end_date_label.setObjectName(u"end_date_label")

        self.form.setWidget(19, QFormLayout.ItemRole.LabelRole, self.end_date_label)

        self.end_date = RequiredDateField(TrainingEditor)
        self.end_date.setObjectName(u"end_date")

        self.form.setWidget(19, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.end_date_error = QLabel(TrainingEditor)
        self.end_date_error.setObjectName(u"end_date_error")
        self.end_date_error.setWordWrap(True)

        self.form.setWidget(20, QFormLayout.ItemRole.FieldRole, self.end_date_error)

        self.funder_label = QLabel(TrainingEditor)
        self.funder_label.setObjectName(u"funder_label")

        self.form.setWidget(21, QFormLayout.ItemRole.LabelRole, self.funder_label)

        self.funder = QLineEdit(TrainingEditor)
        self.funder.setObjectName(u"funder")

        self.form.setWidget(21, QFormLayout.ItemRole.FieldRole, self.funder)

        self.funder_error = QLabel(TrainingEditor)
        self.funder_error.setObjectName(u"funder_error")
        self.funder_error.setWordWrap(True)

        self.form.setWidget(22, QFormLayout.ItemRole.FieldRole, self.funder_error)

        self.facilitators_label = QLabel(TrainingEditor)
        self.facilitators_label.setObjectName(u"facilitators_label")

        self.form.setWidget(23, QFormLayout.ItemRole.LabelRole, self.facilitators_label)

        self.facilitators = QPlainTextEdit(TrainingEditor)
        self.facilitators.setObjectName(u"facilitators")
        self.facilitators.setTabChangesFocus(True)
        self.facilitators.setMaximumSize(QSize(16777215, 72))

        self.form.setWidget(23, QFormLayout.ItemRole.FieldRole, self.facilitators)

        self.facilitators_error = QLabel(TrainingEditor)
        self.facilitators_error.setObjectName(u"facilitators_error")
        self.facilitators_error.setWordWrap(True)

        self.form.setWidget(24, QFormLayout.ItemRole.FieldRole, self.facilitators_error)


        self.layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.stretch)

        self.problems = QLabel(TrainingEditor)
        self.problems.setObjectName(u"problems")
        self.problems.setWordWrap(True)

        self.layout.addWidget(self.problems)

        self.buttons = QDialogButtonBox(TrainingEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.kind_label.setBuddy(self.kind)
        self.training_ref_label.setBuddy(self.training_ref)
        self.sector_label.setBuddy(self.sector)
        self.occupation_label.setBuddy(self.occupation)
        self.host_institution_label.setBuddy(self.host_institution)
        self.host_country_label.setBuddy(self.host_country)
        self.venue_label.setBuddy(self.venue)
        self.start_date_label.setBuddy(self.start_date)
        self.end_date_label.setBuddy(self.end_date)
        self.funder_label.setBuddy(self.funder)
        self.facilitators_label.setBuddy(self.facilitators)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TrainingEditor)

        QMetaObject.connectSlotsByName(TrainingEditor)
    # setupUi

    def retranslateUi(self, TrainingEditor):
        TrainingEditor.setWindowTitle(QCoreApplication.translate("TrainingEditor", u"Training", None))
        self.note.setText("")
        self.title_label.setText(QCoreApplication.translate("TrainingEditor", u"&Title", None))
        self.title_error.setText("")
        self.kind_label.setText(QCoreApplication.translate("TrainingEditor", u"&Kind", None))
        self.kind_error.setText("")
        self.training_ref_label.setText(QCoreApplication.translate("TrainingEditor", u"&Reference", None))
        self.training_ref.setPlaceholderText(QCoreApplication.translate("TrainingEditor", u"Your own number for it, e.g. KHM-TOA-2026-03", None))
        self.training_ref_error.setText("")
        self.sector_label.setText(QCoreApplication.translate("TrainingEditor", u"&Sector", None))
        self.sector_error.setText("")
        self.occupation_label.setText(QCoreApplication.translate("TrainingEditor", u"&Occupation", None))
        self.occupation_code_error.setText("")
        self.occupation_title_error.setText("")
        self.host_institution_label.setText(QCoreApplication.translate("TrainingEditor", u"&Host institution", None))
        self.host_institution_error.setText("")
        self.host_country_label.setText(QCoreApplication.translate("TrainingEditor", u"Host c&ountry", None))
        self.host_country_error.setText("")
        self.venue_label.setText(QCoreApplication.translate("TrainingEditor", u"&Venue", None))
        self.venue_error.setText("")
        self.start_date_label.setText(QCoreApplication.translate("TrainingEditor", u"&Starts on", None))
        self.start_date_error.setText("")
        self.end_date_label.setText(QCoreApplication.translate("TrainingEditor", u"&Ends on", None))
        self.end_date_error.setText("")
        self.funder_label.setText(QCoreApplication.translate("TrainingEditor", u"&Funder", None))
        self.funder_error.setText("")
        self.facilitators_label.setText(QCoreApplication.translate("TrainingEditor", u"F&acilitators", None))
        self.facilitators.setPlaceholderText(QCoreApplication.translate("TrainingEditor", u"One per line", None))
        self.facilitators_error.setText("")
        self.problems.setText("")
    # retranslateUi

