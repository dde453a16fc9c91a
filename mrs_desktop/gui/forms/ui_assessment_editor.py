# Generated from ui/assessment_editor.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assessment_editor.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from mrs_desktop.gui.widgets.date_field import (DateField, RequiredDateField)
from mrs_desktop.gui.widgets.occupation_picker import OccupationPicker

class Ui_AssessmentEditor(object):
    def setupUi(self, AssessmentEditor):
        if not AssessmentEditor.objectName():
            AssessmentEditor.setObjectName(u"AssessmentEditor")
        AssessmentEditor.resize(1060, 660)
        self.layout = QVBoxLayout(AssessmentEditor)
        self.layout.setObjectName(u"layout")
        self.note = QLabel(AssessmentEditor)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.left = QVBoxLayout()
        self.left.setObjectName(u"left")
        self.candidate_group = QGroupBox(AssessmentEditor)
        self.candidate_group.setObjectName(u"candidate_group")
        self.candidate_group_layout = QVBoxLayout(self.candidate_group)
        self.candidate_group_layout.setObjectName(u"candidate_group_layout")
        self.candidate_note = QLabel(self.candidate_group)
        self.candidate_note.setObjectName(u"candidate_note")
        self.candidate_note.setWordWrap(True)

        self.candidate_group_layout.addWidget(self.candidate_note)

        self.candidate_form = QFormLayout()
        self.candidate_form.setObjectName(u"candidate_form")
        self.candidate_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.candidate_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.nationality_label = QLabel(self.candidate_group)
        self.nationality_label.setObjectName(u"nationality_label")

        self.candidate_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nationality_label)

        self.nationality = QComboBox(self.candidate_group)
        self.nationality.setObjectName(u"nationality")

        self.candidate_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nationality)

        self.nationality_error = QLabel(self.candidate_group)
        self.nationality_error.setObjectName(u"nationality_error")
        self.nationality_error.setWordWrap(True)

        self.candidate_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nationality_error)

        self.id_document_no_label = QLabel(self.candidate_group)
        self.id_document_no_label.setObjectName(u"id_document_no_label")

        self.candidate_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.id_document_no_label)

        self.id_document_no = QLineEdit(self.candidate_group)
        self.id_document_no.setObjectName(u"id_document_no")

        self.candidate_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.id_document_no)

        self.id_document_no_error = QLabel(self.candidate_group)
        self.id_document_no_error.setObjectName(u"id_document_no_error")
        self.id_document_no_error.setWordWrap(True)

        self.candidate_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.id_document_no_error)

        self.family_name_label = QLabel(self.candidate_group)
        self.family_name_label.setObjectName(u"family_name_label")

        self.candidate_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.family_name_label)

        self.family_name = QLineEdit(self.candidate_group)
        self.family_name.setObjectName(u"family_name")

        self.candidate_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.family_name)

        self.family_name_error = QLabel(self.candidate_group)
        self.family_name_error.setObjectName(u"family_name_error")
        self.family_name_error.setWordWrap(True)

        self.candidate_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.family_name_error)

        self.given_names_label = QLabel(self.candidate_group)
        self.given_names_label.setObjectName(u"given_names_label")

        self.candidate_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.given_names_label)

        self.given_names = QLineEdit(self.candidate_group)
        self.given_names.setObjectName(u"given_names")

        self.candidate_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.given_names)

        self.given_names_error = QLabel(self.candidate_group)
        self.given_names_error.setObjectName(u"given_names_error")
        self.given_names_error.setWordWrap(True)

        self.candidate_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.given_names_error)

        self.name_native_label = QLabel(self.candidate_group)
        self.name_native_label.setObjectName(u"name_native_label")

        self.candidate_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.name_native_label)

        self.name_native = QLineEdit(self.candidate_group)
        self.name_native.setObjectName(u"name_native")

        self.candidate_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.name_native)

        self.name_native_error = QLabel(self.candidate_group)
        self.name_native_error.setObjectName(u"name_native_error")
        self.name_native_error.setWordWrap(True)

        self.candidate_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.name_native_error)

        self.sex_label = QLabel(self.candidate_group)
        self.sex_label.setObjectName(u"sex_label")

        self.candidate_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.sex_label)

        self.sex = QComboBox(self.candidate_group)
        self.sex.setObjectName(u"sex")

        self.candidate_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.sex)

        self.sex_error = QLabel(self.candidate_group)
        self.sex_error.setObjectName(u"sex_error")
        self.sex_error.setWordWrap(True)

        self.candidate_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.sex_error)

        self.date_of_birth_label = QLabel(self.candidate_group)
        self.date_of_birth_label.setObjectName(u"date_of_birth_label")

        self.candidate_form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.date_of_birth_label)

        self.date_of_birth = DateField(self.candidate_group)
        self.date_of_birth.setObjectName(u"date_of_birth")

        self.candidate_form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.date_of_birth)

        self.date_of_birth_error = QLabel(self.candidate_group)
        self.date_of_birth_error.setObjectName(u"date_of_birth_error")
        self.date_of_birth_error.setWordWrap(True)

        self.candidate_form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.date_of_birth_error)


        self.candidate_group_layout.addLayout(self.candidate_form)


        self.left.addWidget(self.candidate_group)

        self.assessment_group = QGroupBox(AssessmentEditor)
        self.assessment_group.setObjectName(u"assessment_group")
        self.assessment_group_layout = QVBoxLayout(self.assessment_group)
        self.assessment_group_layout.setObjectName(u"assessment_group_layout")
        self.assessment_form = QFormLayout()
        self.assessment_form.setObjectName(u"assessment_form")
        self.assessment_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.assessment_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.occupation_label = QLabel(self.assessment_group)
        self.occupation_label.setObjectName(u"occupation_label")

        self.assessment_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.occupation_label)

        self.occupation = OccupationPicker(self.assessment_group)
        self.occupation.setObjectName(u"occupation")

        self.assessment_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.occupation)

        self.occupation_error = QLabel(self.assessment_group)
        self.occupation_error.setObjectName(u"occupation_error")
        self.occupation_error.setWordWrap(True)

        self.assessment_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.occupation_error)

        self.aqrf_level_label = QLabel(self.assessment_group)
        self.aqrf_level_label.setObjectName(u"aqrf_level_label")

        self.assessment_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.aqrf_level_label)

        self.aqrf_level = QComboBox(self.assessment_group)
        self.aqrf_level.setObjectName(u"aqrf_level")

        self.assessment_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.aqrf_level)

        self.aqrf_level_error = QLabel(self.assessment_group)
        self.aqrf_level_error.setObjectName(u"aqrf_level_error")
        self.aqrf_level_error.setWordWrap(True)

        self.assessment_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.aqrf_level_error)

        self.centre_label = QLabel(self.assessment_group)
        self.centre_label.setObjectName(u"centre_label")

        self.assessment_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.centre_label)

        self.centre = QLineEdit(self.assessment_group)
        self.centre.setObjectName(u"centre")

        self.assessment_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.centre)

        self.centre_error = QLabel(self.assessment_group)
        self.centre_error.setObjectName(u"centre_error")
        self.centre_error.setWordWrap(True)

        self.assessment_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.centre_error)

        self.assessed_on_label = QLabel(self.assessment_group)
        self.assessed_on_label.setObjectName(u"assessed_on_label")

        self.assessment_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.assessed_on_label)

        self.assessed_on = RequiredDateField(self.assessment_group)
        self.assessed_on.setObjectName(u"assessed_on")

        self.assessment_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.assessed_on)

        self.assessed_on_error = QLabel(self.assessment_group)
        self.assessed_on_error.setObjectName(u"assessed_on_error")
        self.assessed_on_error.setWordWrap(True)

        self.assessment_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.assessed_on_error)

        self.sheet_ref_label = QLabel(self.assessment_group)
        self.sheet_ref_label.setObjectName(u"sheet_ref_label")

        self.assessment_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.sheet_ref_label)

        self.sheet_ref = QLineEdit(self.assessment_group)
        self.sheet_ref.setObjectName(u"sheet_ref")

        self.assessment_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sheet_ref)

        self.sheet_ref_error = QLabel(self.assessment_group)
        self.sheet_ref_error.setObjectName(u"sheet_ref_error")
        self.sheet_ref_error.setWordWrap(True)

        self.assessment_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.sheet_ref_error)


        self.assessment_group_layout.addLayout(self.assessment_form)


        self.left.addWidget(self.assessment_group)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left.addItem(self.left_spacer)


        self.columns.addLayout(self.left)

        self.right = QVBoxLayout()
        self.right.setObjectName(u"right")
        self.assessors_group = QGroupBox(AssessmentEditor)
        self.assessors_group.setObjectName(u"assessors_group")
        self.assessors_group_layout = QVBoxLayout(self.assessors_group)
        self.assessors_group_layout.setObjectName(u"assessors_group_layout")
        self.assessor_row = QHBoxLayout()
        self.assessor_row.setObjectName(u"assessor_row")
        self.assessor_search = QLineEdit(self.assessors_group)
        self.assessor_search.setObjectName(u"assessor_search")
        self.assessor_search.setClearButtonEnabled(True)

        self.assessor_row.addWidget(self.assessor_search)

        self.add_assessor = QPushButton(self.assessors_group)
        self.add_assessor.setObjectName(u"add_assessor")

        self.assessor_row.addWidget(self.add_assessor)

        self.remove_assessor = QPushButton(self.assessors_group)
        self.remove_assessor.setObjectName(u"remove_assessor")

        self.assessor_row.addWidget(self.remove_assessor)


        self.assessors_group_layout.addLayout(self.assessor_row)

        self.assessors = QListWidget(self.assessors_group)
        self.assessors.setObjectName(u"assessors")
        self.assessors.setMaximumSize(QSize(16777215, 80))

        self.assessors_group_layout.addWidget(self.assessors)

        self.assessors_warning = QLabel(self.assessors_group)
        self.assessors_warning.setObjectName(u"assessors_warning")
        self.assessors_warning.setWordWrap(True)

        self.assessors_group_layout.addWidget(self.assessors_warning)

        self.assessor_ids_error = QLabel(self.assessors_group)
        self.assessor_ids_error.setObjectName(u"assessor_ids_error")
        self.assessor_ids_error.setWordWrap(True)

        self.assessors_group_layout.addWidget(self.assessor_ids_error)


        self.right.addWidget(self.assessors_group)

        self.units_group = QGroupBox(AssessmentEditor)
        self.units_group.setObjectName(u"units_group")
        self.units_group_layout = QVBoxLayout(self.units_group)
        self.units_group_layout.setObjectName(u"units_group_layout")
        self.units = QTableWidget(self.units_group)
        self.units.setObjectName(u"units")

        self.units_group_layout.addWidget(self.units)

        self.unit_results_error = QLabel(self.units_group)
        self.unit_results_error.setObjectName(u"unit_results_error")
        self.unit_results_error.setWordWrap(True)

        self.units_group_layout.addWidget(self.unit_results_error)

        self.unit_buttons = QHBoxLayout()
        self.unit_buttons.setObjectName(u"unit_buttons")
        self.result_preview = QLabel(self.units_group)
        self.result_preview.setObjectName(u"result_preview")
        self.result_preview.setWordWrap(True)

        self.unit_buttons.addWidget(self.result_preview)

        self.add_unit = QPushButton(self.units_group)
        self.add_unit.setObjectName(u"add_unit")

        self.unit_buttons.addWidget(self.add_unit)

        self.remove_unit = QPushButton(self.units_group)
        self.remove_unit.setObjectName(u"remove_unit")

        self.unit_buttons.addWidget(self.remove_unit)

        self.unit_buttons.setStretch(0, 1)

        self.units_group_layout.addLayout(self.unit_buttons)

        self.outcome_codes = QLabel(self.units_group)
        self.outcome_codes.setObjectName(u"outcome_codes")
        self.outcome_codes.setWordWrap(True)

        self.units_group_layout.addWidget(self.outcome_codes)


        self.right.addWidget(self.units_group)

        self.right.setStretch(1, 1)

        self.columns.addLayout(self.right)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)

        self.layout.addLayout(self.columns)

        self.problems = QLabel(AssessmentEditor)
        self.problems.setObjectName(u"problems")
        self.problems.setWordWrap(True)

        self.layout.addWidget(self.problems)

        self.buttons = QDialogButtonBox(AssessmentEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nationality_label.setBuddy(self.nationality)
        self.id_document_no_label.setBuddy(self.id_document_no)
        self.family_name_label.setBuddy(self.family_name)
        self.given_names_label.setBuddy(self.given_names)
        self.name_native_label.setBuddy(self.name_native)
        self.sex_label.setBuddy(self.sex)
        self.date_of_birth_label.setBuddy(self.date_of_birth)
        self.occupation_label.setBuddy(self.occupation)
        self.aqrf_level_label.setBuddy(self.aqrf_level)
        self.centre_label.setBuddy(self.centre)
        self.assessed_on_label.setBuddy(self.assessed_on)
        self.sheet_ref_label.setBuddy(self.sheet_ref)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssessmentEditor)

        QMetaObject.connectSlotsByName(AssessmentEditor)
    # setupUi

    def retranslateUi(self, AssessmentEditor):
        AssessmentEditor.setWindowTitle(QCoreApplication.translate("AssessmentEditor", u"Record an assessment", None))
        self.note.setText("")
        self.candidate_group.setTitle(QCoreApplication.translate("AssessmentEditor", u"Candidate", None))
        self.candidate_note.setText("")
        self.nationality_label.setText(QCoreApplication.translate("AssessmentEditor", u"&Nationality", None))
        self.nationality_error.setText("")
        self.id_document_no_label.setText(QCoreApplication.translate("AssessmentEditor", u"&Document no.", None))
        self.id_document_no.setPlaceholderText(QCoreApplication.translate("AssessmentEditor", u"Passport or national ID number", None))
        self.id_document_no_error.setText("")
        self.family_name_label.setText(QCoreApplication.translate("AssessmentEditor", u"&Family name", None))
        self.family_name_error.setText("")
        self.given_names_label.setText(QCoreApplication.translate("AssessmentEditor", u"&Given names", None))
        self.given_names_error.setText("")
        self.name_native_label.setText(QCoreApplication.translate("AssessmentEditor", u"Name in national &script", None))
        self.name_native_error.setText("")
        self.sex_label.setText(QCoreApplication.translate("AssessmentEditor", u"Se&x", None))
        self.sex_error.setText("")
        self.date_of_birth_label.setText(QCoreApplication.translate("AssessmentEditor", u"Date of &birth", None))
        self.date_of_birth_error.setText("")
        self.assessment_group.setTitle(QCoreApplication.translate("AssessmentEditor", u"Assessment", None))
        self.occupation_label.setText(QCoreApplication.translate("AssessmentEditor", u"&Occupation", None))
        self.occupation_error.setText("")
        self.aqrf_level_label.setText(QCoreApplication.translate("AssessmentEditor", u"AQRF &level", None))
        self.aqrf_level_error.setText("")
        self.centre_label.setText(QCoreApplication.translate("AssessmentEditor", u"&Centre", None))
        self.centre.setPlaceholderText(QCoreApplication.translate("AssessmentEditor", u"Assessment centre", None))
        self.centre_error.setText("")
        self.assessed_on_label.setText(QCoreApplication.translate("AssessmentEditor", u"&Assessed on", None))
        self.assessed_on_error.setText("")
        self.sheet_ref_label.setText(QCoreApplication.translate("AssessmentEditor", u"&Reference", None))
        self.sheet_ref.setPlaceholderText(QCoreApplication.translate("AssessmentEditor", u"The result sheet's or batch's reference (optional)", None))
        self.sheet_ref_error.setText("")
        self.assessors_group.setTitle(QCoreApplication.translate("AssessmentEditor", u"Assessors", None))
        self.assessor_search.setPlaceholderText(QCoreApplication.translate("AssessmentEditor", u"Type an assessor's name or reference", None))
        self.add_assessor.setText(QCoreApplication.translate("AssessmentEditor", u"A&dd", None))
        self.remove_assessor.setText(QCoreApplication.translate("AssessmentEditor", u"Re&move", None))
        self.assessors_warning.setText("")
        self.assessor_ids_error.setText("")
        self.units_group.setTitle(QCoreApplication.translate("AssessmentEditor", u"Units of competency", None))
        self.unit_results_error.setText("")
        self.result_preview.setText("")
        self.add_unit.setText(QCoreApplication.translate("AssessmentEditor", u"Add &unit", None))
        self.remove_unit.setText(QCoreApplication.translate("AssessmentEditor", u"Remove u&nit", None))
        self.outcome_codes.setText(QCoreApplication.translate("AssessmentEditor", u"Outcome codes: C competent \u00b7 NYC not yet competent \u00b7 RPL_G / RPL_NG recognition of prior learning granted / not granted \u00b7 CT credit transfer \u00b7 W withdrawn", None))
        self.problems.setText("")
    # retranslateUi

