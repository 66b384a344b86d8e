from ui.safe_text import md


def test_markdown_in_user_text_is_inert():
    out = md("![x](http://evil.example/x.png) [klik](http://x) **tebal** <b>")
    assert "![" not in out and "](" not in out and "**" not in out
    assert out.replace("\\", "") == "![x](http://evil.example/x.png) [klik](http://x) **tebal** <b>"
