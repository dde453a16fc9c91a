# Generated from ui/assessor_editor.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assessor_editor.ui'
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
    QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

from mrs_desktop.gui.dialogs.accreditation_fields import AccreditationFields
from mrs_desktop.gui.widgets.date_field import DateField

class Ui_AssessorEditor(object):
    def setupUi(self, AssessorEditor):
        if not AssessorEditor.objectName():
            AssessorEditor.setObjectName(u"AssessorEditor")
        AssessorEditor.resize(900, 600)
        self.dialog_layout = QVBoxLayout(AssessorEditor)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.owner_note = QLabel(AssessorEditor)
        self.owner_note.setObjectName(u"owner_note")
        self.owner_note.setText(u"")
        self.owner_note.setWordWrap(True)

        self.dialog_layout.addWidget(self.owner_note)

        self.person_group = QGroupBox(AssessorEditor)
        self.person_group.setObjectName(u"person_group")
        self.person_grid = QGridLayout(self.person_group)
        self.person_grid.setObjectName(u"person_grid")
        self.person_grid.setHorizontalSpacing(10)
        self.person_grid.setVerticalSpacing(2)
        self.family_name_label = QLabel(self.person_group)
        self.family_name_label.setObjectName(u"family_name_label")

        self.person_grid.addWidget(self.family_name_label, 0, 0, 1, 1)

        self.family_name = QLineEdit(self.person_group)
        self.family_name.setObjectName(u"family_name")
        self.family_name.setMaxLength(120)

        self.person_grid.addWidget(self.family_name, 0, 1, 1, 1)

        self.err_family_name = QLabel(self.person_group)
        self.err_family_name.setObjectName(u"err_family_name")
        self.err_family_name.setText(u"")
        self.err_family_name.setWordWrap(True)

        self.person_grid.addWidget(self.err_family_name, 1, 1, 1, 1)

        self.given_names_label = QLabel(self.person_group)
        self.given_names_label.setObjectName(u"given_names_label")

        self.person_grid.addWidget(self.given_names_label, 2, 0, 1, 1)

        self.given_names = QLineEdit(self.person_group)
        self.given_names.setObjectName(u"given_names")
        self.given_names.setMaxLength(120)

        self.person_grid.addWidget(self.given_names, 2, 1, 1, 1)

        self.err_given_names = QLabel(self.person_group)
        self.err_given_names.setObjectName(u"err_given_names")
        self.err_given_names.setText(u"")
        self.err_given_names.setWordWrap(True)

        self.person_grid.addWidget(self.err_given_names, 3, 1, 1, 1)

        self.name_native_label = QLabel(self.person_group)
        self.name_native_label.setObjectName(u"name_native_label")

        self.person_grid.addWidget(self.name_native_label, 4, 0, 1, 1)

        self.name_native = QLineEdit(self.person_group)
        self.name_native.setObjectName(u"name_native")
        self.name_native.setMaxLength(200)

        self.person_grid.addWidget(self.name_native, 4, 1, 1, 1)

        self.err_name_native = QLabel(self.person_group)
        self.err_name_native.setObjectName(u"err_name_native")
        self.err_name_native.setText(u"")
        self.err_name_native.setWordWrap(True)

        self.person_grid.addWidget(self.err_name_native, 5, 1, 1, 1)

        self.sex_label = QLabel(self.person_group)
        self.sex_label.setObjectName(u"sex_label")

        self.person_grid.addWidget(self.sex_label, 6, 0, 1, 1)

        self.sex = QComboBox(self.person_group)
        self.sex.setObjectName(u"sex")

        self.person_grid.addWidget(self.sex, 6, 1, 1, 1)

        self.err_sex = QLabel(self.person_group)
        self.err_sex.setObjectName(u"err_sex")
        self.err_sex.setText(u"")
        self.err_sex.setWordWrap(True)

        self.person_grid.addWidget(self.err_sex, 7, 1, 1, 1)

        self.date_of_birth_label = QLabel(self.person_group)
        self.date_of_birth_label.setObjectName(u"date_of_birth_label")

        self.person_grid.addWidget(self.date_of_birth_label, 8, 0, 1, 1)

        self.date_of_birth = DateField(self.person_group)
        self.date_of_birth.setObjectName(u"date_of_birth")

        self.person_grid.addWidget(self.date_of_birth, 8, 1, 1, 1)

        self.err_date_of_birth = QLabel(self.person_group)
        self.err_date_of_birth.setObjectName(u"err_date_of_birth")
        self.err_date_of_birth.setText(u"")
        self.err_date_of_birth.setWordWrap(True)

        self.person_grid.addWidget(self.err_date_of_birth, 9, 1, 1, 1)

        self.email_label = QLabel(self.person_group)
        self.email_label.setObjectName(u"email_label")

        self.person_grid.addWidget(self.email_label, 0, 2, 1, 1)

        self.email = QLineEdit(self.person_group)
        self.email.setObjectName(u"email")
        self.email.setMaxLength(200)

        self.person_grid.addWidget(self.email, 0, 3, 1, 1)

        self.err_email = QLabel(self.person_group)
        self.err_email.setObjectName(u"err_email")
        self.err_email.setText(u"")
        self.err_email.setWordWrap(True)

        self.person_grid.addWidget(self.err_email, 1, 3, 1, 1)

        self.phone_label = QLabel(self.person_group)
        self.phone_label.setObjectName(u"phone_label")

        self.person_grid.addWidget(self.phone_label, 2, 2, 1, 1)

        self.phone = QLineEdit(self.person_group)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(60)

        self.person_grid.addWidget(self.phone, 2, 3, 1, 1)

        self.err_phone = QLabel(self.person_group)
        self.err_phone.setObjectName(u"err_phone")
        self.err_phone.setText(u"")
        self.err_phone.setWordWrap(True)

        self.person_grid.addWidget(self.err_phone, 3, 3, 1, 1)

        self.organisation_label = QLabel(self.person_group)
        self.organisation_label.setObjectName(u"organisation_label")

        self.person_grid.addWidget(self.organisation_label, 4, 2, 1, 1)

        self.organisation = QLineEdit(self.person_group)
        self.organisation.setObjectName(u"organisation")
        self.organisation.setMaxLength(200)

        self.person_grid.addWidget(self.organisation, 4, 3, 1, 1)

        self.err_organisation = QLabel(self.person_group)
        self.err_organisation.setObjectName(u"err_organisation")
        self.err_organisation.setText(u"")
        self.err_organisation.setWordWrap(True)

        self.person_grid.addWidget(self.err_organisation, 5, 3, 1, 1)

        self.assessor_ref_label = QLabel(self.person_group)
        self.assessor_ref_label.setObjectName(u"assessor_ref_label")

        self.person_grid.addWidget(self.assessor_ref_label, 6, 2, 1, 1)

        self.assessor_ref = QLineEdit(self.person_group)
        self.assessor_ref.setObjectName(u"assessor_ref")
        self.assessor_ref.setMaxLength(60)

        self.person_grid.addWidget(self.assessor_ref, 6, 3, 1, 1)

        self.err_assessor_ref = QLabel(self.person_group)
        self.err_assessor_ref.setObjectName(u"err_assessor_ref")
        self.err_assessor_ref.setText(u"")
        self.err_assessor_ref.setWordWrap(True)

        self.person_grid.addWidget(self.err_assessor_ref, 7, 3, 1, 1)

        self.person_grid.setColumnStretch(1, 1)
        self.person_grid.setColumnStretch(3, 1)

        self.dialog_layout.addWidget(self.person_group)

        self.first_accreditation_group = QGroupBox(AssessorEditor)
        self.first_accreditation_group.setObjectName(u"first_accreditation_group")
        self.first_accreditation_group.setCheckable(True)
        self.first_accreditation_group.setChecked(True)
        self.first_accreditation_layout = QVBoxLayout(self.first_accreditation_group)
        self.first_accreditation_layout.setObjectName(u"first_accreditation_layout")
        self.first_accreditation = AccreditationFields(self.first_accreditation_group)
        self.first_accreditation.setObjectName(u"first_accreditation")

        self.first_accreditation_layout.addWidget(self.first_accreditation)


        self.dialog_layout.addWidget(self.first_accreditation_group)

        self.accreditations_group = QGroupBox(AssessorEditor)
        self.accreditations_group.setObjectName(u"accreditations_group")
        self.accreditations_layout = QVBoxLayout(self.accreditations_group)
        self.accreditations_layout.setObjectName(u"accreditations_layout")
        self.accreditations = QTableView(self.accreditations_group)
        self.accreditations.setObjectName(u"accreditations")

        self.accreditations_layout.addWidget(self.accreditations)

        self.accreditation_buttons = QHBoxLayout()
        self.accreditation_buttons.setObjectName(u"accreditation_buttons")
        self.add_accreditation = QPushButton(self.accreditations_group)
        self.add_accreditation.setObjectName(u"add_accreditation")

        self.accreditation_buttons.addWidget(self.add_accreditation)

        self.renew_accreditation = QPushButton(self.accreditations_group)
        self.renew_accreditation.setObjectName(u"renew_accreditation")

        self.accreditation_buttons.addWidget(self.renew_accreditation)

        self.suspend_accreditation = QPushButton(self.accreditations_group)
        self.suspend_accreditation.setObjectName(u"suspend_accreditation")

        self.accreditation_buttons.addWidget(self.suspend_accreditation)

        self.revoke_accreditation = QPushButton(self.accreditations_group)
        self.revoke_accreditation.setObjectName(u"revoke_accreditation")

        self.accreditation_buttons.addWidget(self.revoke_accreditation)

        self.reinstate_accreditation = QPushButton(self.accreditations_group)
        self.reinstate_accreditation.setObjectName(u"reinstate_accreditation")

        self.accreditation_buttons.addWidget(self.reinstate_accreditation)

        self.accreditation_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.accreditation_buttons.addItem(self.accreditation_buttons_spacer)


        self.accreditations_layout.addLayout(self.accreditation_buttons)


        self.dialog_layout.addWidget(self.accreditations_group)

        self.general_error = QLabel(AssessorEditor)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setText(u"")
        self.general_error.setWordWrap(True)

        self.dialog_layout.addWidget(self.general_error)

        self.required_note = QLabel(AssessorEditor)
        self.required_note.setObjectName(u"required_note")

        self.dialog_layout.addWidget(self.required_note)

        self.buttons = QDialogButtonBox(AssessorEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.buttons)

        self.dialog_layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.family_name_label.setBuddy(self.family_name)
        self.given_names_label.setBuddy(self.given_names)
        self.name_native_label.setBuddy(self.name_native)
        self.sex_label.setBuddy(self.sex)
        self.date_of_birth_label.setBuddy(self.date_of_birth)
        self.email_label.setBuddy(self.email)
        self.phone_label.setBuddy(self.phone)
        self.organisation_label.setBuddy(self.organisation)
        self.assessor_ref_label.setBuddy(self.assessor_ref)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssessorEditor)

        QMetaObject.connectSlotsByName(AssessorEditor)
    # setupUi

    def retranslateUi(self, AssessorEditor):
        AssessorEditor.setWindowTitle(QCoreApplication.translate("AssessorEditor", u"Assessor", None))
        self.person_group.setTitle(QCoreApplication.translate("AssessorEditor", u"Person", None))
        self.family_name_label.setText(QCoreApplication.translate("AssessorEditor", u"Family name *", None))
        self.given_names_label.setText(QCoreApplication.translate("AssessorEditor", u"Given names", None))
        self.name_native_label.setText(QCoreApplication.translate("AssessorEditor", u"Name in native script", None))
        self.name_native.setPlaceholderText(QCoreApplication.translate("AssessorEditor", u"e.g. \u179f\u17bb\u1781 \u178a\u17b6\u179a\u17b6", None))
        self.sex_label.setText(QCoreApplication.translate("AssessorEditor", u"Sex", None))
        self.date_of_birth_label.setText(QCoreApplication.translate("AssessorEditor", u"Date of birth", None))
        self.email_label.setText(QCoreApplication.translate("AssessorEditor", u"E-mail", None))
        self.phone_label.setText(QCoreApplication.translate("AssessorEditor", u"Phone", None))
        self.organisation_label.setText(QCoreApplication.translate("AssessorEditor", u"Organisation", None))
        self.assessor_ref_label.setText(QCoreApplication.translate("AssessorEditor", u"Assessor reference", None))
        self.assessor_ref.setPlaceholderText(QCoreApplication.translate("AssessorEditor", u"Your register's own number, e.g. KH-AS-0042", None))
        self.first_accreditation_group.setTitle(QCoreApplication.translate("AssessorEditor", u"Record the first accreditation now", None))
#if QT_CONFIG(tooltip)
        self.first_accreditation_group.setToolTip(QCoreApplication.translate("AssessorEditor", u"Untick to record the person now and their accreditations later", None))
#endif // QT_CONFIG(tooltip)
        self.accreditations_group.setTitle(QCoreApplication.translate("AssessorEditor", u"Accreditations", None))
        self.add_accreditation.setText(QCoreApplication.translate("AssessorEditor", u"Add\u2026", None))
#if QT_CONFIG(tooltip)
        self.add_accreditation.setToolTip(QCoreApplication.translate("AssessorEditor", u"Record another accreditation of this assessor", None))
#endif // QT_CONFIG(tooltip)
        self.renew_accreditation.setText(QCoreApplication.translate("AssessorEditor", u"Renew\u2026", None))
#if QT_CONFIG(tooltip)
        self.renew_accreditation.setToolTip(QCoreApplication.translate("AssessorEditor", u"Continue the selected accreditation with a new end date", None))
#endif // QT_CONFIG(tooltip)
        self.suspend_accreditation.setText(QCoreApplication.translate("AssessorEditor", u"Suspend\u2026", None))
#if QT_CONFIG(tooltip)
        self.suspend_accreditation.setToolTip(QCoreApplication.translate("AssessorEditor", u"Suspend the selected accreditation, with a reason", None))
#endif // QT_CONFIG(tooltip)
        self.revoke_accreditation.setText(QCoreApplication.translate("AssessorEditor", u"Revoke\u2026", None))
#if QT_CONFIG(tooltip)
        self.revoke_accreditation.setToolTip(QCoreApplication.translate("AssessorEditor", u"Revoke the selected accreditation for good, with a reason", None))
#endif // QT_CONFIG(tooltip)
        self.reinstate_accreditation.setText(QCoreApplication.translate("AssessorEditor", u"Reinstate\u2026", None))
#if QT_CONFIG(tooltip)
        self.reinstate_accreditation.setToolTip(QCoreApplication.translate("AssessorEditor", u"Make the selected suspended accreditation active again", None))
#endif // QT_CONFIG(tooltip)
        self.required_note.setText(QCoreApplication.translate("AssessorEditor", u"* required", None))
    # retranslateUi

