"""Addresses stored in bodies ("/media/…") moved under an export's path or a feed's origin."""

from hypothesis import given
from hypothesis import strategies as st

from havza.links import rebased

segment = st.text("abcxyz019-._", min_size=1, max_size=8)
root_relative = st.builds(lambda parts: "/" + "/".join(parts), st.lists(segment, max_size=4))
other = st.sampled_from(["https://else.example/a", "//cdn.example/x.js", "#notes", "mailto:a@b"])


def test_a_body_under_a_path_names_every_image_size_there():
    html = (
        '<p><a href="/en/works/x/">x</a> <a href="https://else.example/">y</a></p>'
        '<picture><source srcset="/media/a/480.webp 480w, /media/a/960.webp 960w">'
        '<img src="/media/a/480.jpg" alt=""></picture>'
    )
    assert rebased(html, "/mirror/") == (
        '<p><a href="/mirror/en/works/x/">x</a> <a href="https://else.example/">y</a></p>'
        '<picture><source srcset="/mirror/media/a/480.webp 480w, /mirror/media/a/960.webp 960w">'
        '<img src="/mirror/media/a/480.jpg" alt=""></picture>'
    )


@given(st.lists(st.one_of(root_relative, other), min_size=1, max_size=6))
def test_only_root_relative_addresses_move(addresses):
    html = "".join(f'<a href="{a}">.</a><img src="{a}">' for a in addresses)
    assert rebased(html, "/") == html
    moved = rebased(html, "https://network.example/shores/")
    expected = [
        "https://network.example/shores/" + a[1:] if a.startswith("/") and a[1:2] != "/" else a
        for a in addresses
    ]
    assert moved == "".join(f'<a href="{a}">.</a><img src="{a}">' for a in expected)
