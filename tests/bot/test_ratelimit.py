from bot.ratelimit import UploadLimiter


def test_uploads_within_the_rate_start_at_once():
    lim = UploadLimiter(limit=2, window=60)
    assert [lim.reserve(1, now=0), lim.reserve(1, now=1)] == [0, 0]


def test_an_upload_over_the_rate_is_given_its_turn_in_the_window_not_refused():
    lim = UploadLimiter(limit=2, window=60)
    lim.reserve(1, now=0)
    lim.reserve(1, now=10)
    assert lim.reserve(1, now=20) == 40  # starts at 60, when the first leaves the window
    assert lim.reserve(1, now=21) == 49  # starts at 70
    assert lim.reserve(1, now=22) == 98  # starts at 120


def test_each_user_has_a_rate_of_their_own():
    lim = UploadLimiter(limit=1, window=60)
    assert lim.reserve(1, now=0) == 0
    assert lim.reserve(2, now=0) == 0
    assert lim.reserve(1, now=0) == 60


def test_the_window_moves_on():
    lim = UploadLimiter(limit=1, window=60)
    lim.reserve(1, now=0)
    assert lim.reserve(1, now=61) == 0
