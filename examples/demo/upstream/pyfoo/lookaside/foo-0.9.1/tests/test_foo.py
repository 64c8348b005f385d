import unittest

import foo


class FrobnicateTest(unittest.TestCase):
    def test_reverses_the_words(self):
        self.assertEqual(foo.frobnicate("bars quickly frobnicated"), "frobnicated quickly bars")

    def test_keeps_a_single_word(self):
        self.assertEqual(foo.frobnicate("bar"), "bar")

    def test_version(self):
        self.assertEqual(foo.__version__, "0.9.0")

    def test_speedups_are_optional(self):
        self.assertFalse(foo.has_speedups())


if __name__ == "__main__":
    unittest.main()
