# Generated from ui/participant_editor.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'participant_editor.ui'
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
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QRadioButton, QSizePolicy, QSpacerItem, QSpinBox,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_ParticipantEditor(object):
    def setupUi(self, ParticipantEditor):
        if not ParticipantEditor.objectName():
            ParticipantEditor.setObjectName(u"ParticipantEditor")
        ParticipantEditor.resize(520, 460)
        self.layout = QVBoxLayout(ParticipantEditor)
        self.layout.setObjectName(u"layout")
        self.note = QLabel(ParticipantEditor)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.who = QGroupBox(ParticipantEditor)
        self.who.setObjectName(u"who")
        self.who_layout = QVBoxLayout(self.who)
        self.who_layout.setObjectName(u"who_layout")
        self.who_choice = QHBoxLayout()
        self.who_choice.setObjectName(u"who_choice")
        self.from_register = QRadioButton(self.who)
        self.from_register.setObjectName(u"from_register")
        self.from_register.setChecked(True)

        self.who_choice.addWidget(self.from_register)

        self.new_person = QRadioButton(self.who)
        self.new_person.setObjectName(u"new_person")

        self.who_choice.addWidget(self.new_person)

        self.who_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.who_choice.addItem(self.who_spacer)


        self.who_layout.addLayout(self.who_choice)

        self.who_stack = QStackedWidget(self.who)
        self.who_stack.setObjectName(u"who_stack")
        self.register_page = QWidget()
        self.register_page.setObjectName(u"register_page")
        self.register_layout = QVBoxLayout(self.register_page)
        self.register_layout.setObjectName(u"register_layout")
        self.search = QLineEdit(self.register_page)
        self.search.setObjectName(u"search")

        self.register_layout.addWidget(self.search)

        self.matches = QListWidget(self.register_page)
        self.matches.setObjectName(u"matches")
        self.matches.setMinimumSize(QSize(0, 120))

        self.register_layout.addWidget(self.matches)

        self.assessor_id_error = QLabel(self.register_page)
        self.assessor_id_error.setObjectName(u"assessor_id_error")
        self.assessor_id_error.setWordWrap(True)

        self.register_layout.addWidget(self.assessor_id_error)

        self.who_stack.addWidget(self.register_page)
        self.person_page = QWidget()
        self.person_page.setObjectName(u"person_page")
        self.person_form = QFormLayout(self.person_page)
        self.person_form.setObjectName(u"person_form")
        self.person_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.person_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.full_name_label = QLabel(self.person_page)
        self.full_name_label.setObjectName(u"full_name_label")

        self.person_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.full_name_label)

        self.full_name = QLineEdit(self.person_page)
        self.full_name.setObjectName(u"full_name")

        self.person_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.full_name)

        self.participant_name_error = QLabel(self.person_page)
        self.participant_name_error.setObjectName(u"participant_name_error")
        self.participant_name_error.setWordWrap(True)

        self.person_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.participant_name_error)

        self.name_native_label = QLabel(self.person_page)
        self.name_native_label.setObjectName(u"name_native_label")

        self.person_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_native_label)

        self.name_native = QLineEdit(self.person_page)
        self.name_native.setObjectName(u"name_native")

        self.person_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name_native)

        self.participant_name_native_error = QLabel(self.person_page)
        self.participant_name_native_error.setObjectName(u"participant_name_native_error")
        self.participant_name_native_error.setWordWrap(True)

        self.person_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.participant_name_native_error)

        self.country_label = QLabel(self.person_page)
        self.country_label.setObjectName(u"country_label")

        self.person_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country = QComboBox(self.person_page)
        self.country.setObjectName(u"country")

        self.person_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.country)

        self.participant_country_error = QLabel(self.person_page)
        self.participant_country_error.setObjectName(u"participant_country_error")
        self.participant_country_error.setWordWrap(True)

        self.person_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.participant_country_error)

        self.who_stack.addWidget(self.person_page)

        self.who_layout.addWidget(self.who_stack)


        self.layout.addWidget(self.who)

        self.result_form = QFormLayout()
        self.result_form.setObjectName(u"result_form")
        self.result_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.result_form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.attendance_label = QLabel(ParticipantEditor)
        self.attendance_label.setObjectName(u"attendance_label")

        self.result_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.attendance_label)

        self.attendance = QSpinBox(ParticipantEditor)
        self.attendance.setObjectName(u"attendance")
        self.attendance.setMinimum(-1)
        self.attendance.setMaximum(100)
        self.attendance.setValue(-1)

        self.result_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.attendance)

        self.attendance_percent_error = QLabel(ParticipantEditor)
        self.attendance_percent_error.setObjectName(u"attendance_percent_error")
        self.attendance_percent_error.setWordWrap(True)

        self.result_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.attendance_percent_error)

        self.outcome_label = QLabel(ParticipantEditor)
        self.outcome_label.setObjectName(u"outcome_label")

        self.result_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcome_label)

        self.outcome = QComboBox(ParticipantEditor)
        self.outcome.setObjectName(u"outcome")

        self.result_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcome)

        self.outcome_error = QLabel(ParticipantEditor)
        self.outcome_error.setObjectName(u"outcome_error")
        self.outcome_error.setWordWrap(True)

        self.result_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.outcome_error)


        self.layout.addLayout(self.result_form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.stretch)

        self.problems = QLabel(ParticipantEditor)
        self.problems.setObjectName(u"problems")
        self.problems.setWordWrap(True)

        self.layout.addWidget(self.problems)

        self.buttons = QDialogButtonBox(ParticipantEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.full_name_label.setBuddy(self.full_name)
        self.name_native_label.setBuddy(self.name_native)
        self.country_label.setBuddy(self.country)
        self.attendance_label.setBuddy(self.attendance)
        self.outcome_label.setBuddy(self.outcome)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ParticipantEditor)

        QMetaObject.connectSlotsByName(ParticipantEditor)
    # setupUi

    def retranslateUi(self, ParticipantEditor):
        ParticipantEditor.setWindowTitle(QCoreApplication.translate("ParticipantEditor", u"Participant", None))
        self.note.setText("")
        self.who.setTitle(QCoreApplication.translate("ParticipantEditor", u"Participant", None))
        self.from_register.setText(QCoreApplication.translate("ParticipantEditor", u"An assessor in the &register", None))
        self.new_person.setText(QCoreApplication.translate("ParticipantEditor", u"A person &not in the register", None))
        self.search.setPlaceholderText(QCoreApplication.translate("ParticipantEditor", u"Type part of a name, in any script", None))
        self.assessor_id_error.setText("")
        self.full_name_label.setText(QCoreApplication.translate("ParticipantEditor", u"&Name", None))
        self.full_name.setPlaceholderText(QCoreApplication.translate("ParticipantEditor", u"As in the passport, family name first", None))
        self.participant_name_error.setText("")
        self.name_native_label.setText(QCoreApplication.translate("ParticipantEditor", u"Native-script &name", None))
        self.participant_name_native_error.setText("")
        self.country_label.setText(QCoreApplication.translate("ParticipantEditor", u"&Country", None))
        self.participant_country_error.setText("")
        self.attendance_label.setText(QCoreApplication.translate("ParticipantEditor", u"&Attendance", None))
        self.attendance.setSuffix(QCoreApplication.translate("ParticipantEditor", u" %", None))
        self.attendance.setSpecialValueText(QCoreApplication.translate("ParticipantEditor", u"not recorded", None))
        self.attendance_percent_error.setText("")
        self.outcome_label.setText(QCoreApplication.translate("ParticipantEditor", u"O&utcome", None))
        self.outcome_error.setText("")
        self.problems.setText("")
    # retranslateUi

