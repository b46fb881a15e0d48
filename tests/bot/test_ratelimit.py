from bot.ratelimit import UploadLimiter


def test_uploads_beyond_the_limit_wait_until_the_window_has_passed():
    lim = UploadLimiter(limit=2, window=60)
    assert [lim.hit(1, 0), lim.hit(1, 1), lim.hit(1, 2)] == [0, 0, 58]
    assert lim.hit(2, 2) == 0  # other users are not affected
    assert lim.hit(1, 60) == 0
