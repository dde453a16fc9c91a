# Generated from ui/equivalence_editor.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'equivalence_editor.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from mrs_desktop.gui.widgets.occupation_picker import OccupationPicker

class Ui_EquivalenceEditor(object):
    def setupUi(self, EquivalenceEditor):
        if not EquivalenceEditor.objectName():
            EquivalenceEditor.setObjectName(u"EquivalenceEditor")
        EquivalenceEditor.resize(640, 430)
        self.layout = QVBoxLayout(EquivalenceEditor)
        self.layout.setObjectName(u"layout")
        self.note = QLabel(EquivalenceEditor)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.country_a_label = QLabel(EquivalenceEditor)
        self.country_a_label.setObjectName(u"country_a_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.country_a_label)

        self.country_a = QComboBox(EquivalenceEditor)
        self.country_a.setObjectName(u"country_a")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.country_a)

        self.country_a_error = QLabel(EquivalenceEditor)
        self.country_a_error.setObjectName(u"country_a_error")
        self.country_a_error.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.country_a_error)

        self.occupation_a_label = QLabel(EquivalenceEditor)
        self.occupation_a_label.setObjectName(u"occupation_a_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.occupation_a_label)

        self.occupation_a = OccupationPicker(EquivalenceEditor)
        self.occupation_a.setObjectName(u"occupation_a")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.occupation_a)

        self.occupation_a_error = QLabel(EquivalenceEditor)
        self.occupation_a_error.setObjectName(u"occupation_a_error")
        self.occupation_a_error.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.occupation_a_error)

        self.occupation_a_title_error = QLabel(EquivalenceEditor)
        self.occupation_a_title_error.setObjectName(u"occupation_a_title_error")
        self.occupation_a_title_error.setWordWrap(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.occupation_a_title_error)

        self.country_b_label = QLabel(EquivalenceEditor)
        self.country_b_label.setObjectName(u"country_b_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.country_b_label)

        self.country_b = QComboBox(EquivalenceEditor)
        self.country_b.setObjectName(u"country_b")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.country_b)

        self.country_b_error = QLabel(EquivalenceEditor)
        self.country_b_error.setObjectName(u"country_b_error")
        self.country_b_error.setWordWrap(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.country_b_error)

        self.occupation_b_label = QLabel(EquivalenceEditor)
        self.occupation_b_label.setObjectName(u"occupation_b_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.occupation_b_label)

        self.occupation_b = OccupationPicker(EquivalenceEditor)
        self.occupation_b.setObjectName(u"occupation_b")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.occupation_b)

        self.occupation_b_error = QLabel(EquivalenceEditor)
        self.occupation_b_error.setObjectName(u"occupation_b_error")
        self.occupation_b_error.setWordWrap(True)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.occupation_b_error)

        self.occupation_b_title_error = QLabel(EquivalenceEditor)
        self.occupation_b_title_error.setObjectName(u"occupation_b_title_error")
        self.occupation_b_title_error.setWordWrap(True)

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.occupation_b_title_error)

        self.fixed_note = QLabel(EquivalenceEditor)
        self.fixed_note.setObjectName(u"fixed_note")
        self.fixed_note.setWordWrap(True)

        self.form.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.fixed_note)

        self.aqrf_level_label = QLabel(EquivalenceEditor)
        self.aqrf_level_label.setObjectName(u"aqrf_level_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.aqrf_level_label)

        self.aqrf_level = QComboBox(EquivalenceEditor)
        self.aqrf_level.setObjectName(u"aqrf_level")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.aqrf_level)

        self.aqrf_level_error = QLabel(EquivalenceEditor)
        self.aqrf_level_error.setObjectName(u"aqrf_level_error")
        self.aqrf_level_error.setWordWrap(True)

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.aqrf_level_error)

        self.status_label = QLabel(EquivalenceEditor)
        self.status_label.setObjectName(u"status_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(EquivalenceEditor)
        self.status.setObjectName(u"status")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.status)

        self.status_error = QLabel(EquivalenceEditor)
        self.status_error.setObjectName(u"status_error")
        self.status_error.setWordWrap(True)

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.status_error)

        self.notes_label = QLabel(EquivalenceEditor)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(EquivalenceEditor)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumSize(QSize(16777215, 110))

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.notes)

        self.notes_error = QLabel(EquivalenceEditor)
        self.notes_error.setObjectName(u"notes_error")
        self.notes_error.setWordWrap(True)

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.notes_error)


        self.layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.stretch)

        self.problems = QLabel(EquivalenceEditor)
        self.problems.setObjectName(u"problems")
        self.problems.setWordWrap(True)

        self.layout.addWidget(self.problems)

        self.buttons = QDialogButtonBox(EquivalenceEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.country_a_label.setBuddy(self.country_a)
        self.occupation_a_label.setBuddy(self.occupation_a)
        self.country_b_label.setBuddy(self.country_b)
        self.occupation_b_label.setBuddy(self.occupation_b)
        self.aqrf_level_label.setBuddy(self.aqrf_level)
        self.status_label.setBuddy(self.status)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EquivalenceEditor)

        QMetaObject.connectSlotsByName(EquivalenceEditor)
    # setupUi

    def retranslateUi(self, EquivalenceEditor):
        EquivalenceEditor.setWindowTitle(QCoreApplication.translate("EquivalenceEditor", u"Occupation equivalence", None))
        self.note.setText("")
        self.country_a_label.setText(QCoreApplication.translate("EquivalenceEditor", u"Country &A", None))
        self.country_a_error.setText("")
        self.occupation_a_label.setText(QCoreApplication.translate("EquivalenceEditor", u"Occupation A", None))
        self.occupation_a_error.setText("")
        self.occupation_a_title_error.setText("")
        self.country_b_label.setText(QCoreApplication.translate("EquivalenceEditor", u"Country &B", None))
        self.country_b_error.setText("")
        self.occupation_b_label.setText(QCoreApplication.translate("EquivalenceEditor", u"Occupation B", None))
        self.occupation_b_error.setText("")
        self.occupation_b_title_error.setText("")
        self.fixed_note.setText("")
        self.aqrf_level_label.setText(QCoreApplication.translate("EquivalenceEditor", u"AQRF &level", None))
        self.aqrf_level_error.setText("")
        self.status_label.setText(QCoreApplication.translate("EquivalenceEditor", u"&Status", None))
        self.status_error.setText("")
        self.notes_label.setText(QCoreApplication.translate("EquivalenceEditor", u"&Notes", None))
        self.notes_error.setText("")
        self.problems.setText("")
    # retranslateUi

