from planner.ui.main_window import MainWindow


def test_main_window_is_titled_with_the_program_name(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Telework Planner" in window.windowTitle()
    assert "テレワーク導入計画ウィザード" in window.windowTitle()
