from planner.ui.main_window import MainWindow


def test_main_window_is_titled_with_the_program_name(window):
    assert isinstance(window, MainWindow)
    assert "Telework Planner" in window.windowTitle()
    assert "テレワーク導入計画ウィザード" in window.windowTitle()
    assert window.welcome is not None and window.welcome.isVisible()


def test_bundled_font_is_the_ui_font(app):
    assert "BIZ UD" in app.font().family()
