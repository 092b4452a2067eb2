"""The curated feeling vocabulary: a mood-meter grid of energy by pleasantness.

Each word carries a one-line meaning so that choosing it is itself a small act of noticing.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Feeling:
    word: str
    meaning: str


@dataclass(frozen=True)
class Quadrant:
    key: str
    title: str
    feelings: tuple[Feeling, ...]


QUADRANTS = (
    Quadrant(
        "high-unpleasant",
        "Higher energy, unpleasant",
        (
            Feeling("tense", "Braced, as if something is about to go wrong."),
            Feeling("anxious", "Worried about what might happen."),
            Feeling("overwhelmed", "More is coming in than I can hold."),
            Feeling("restless", "Unable to settle, even when I could."),
            Feeling("irritated", "Small things are getting under my skin."),
            Feeling("pressured", "Pushed by expectations, mine or others'."),
            Feeling("on edge", "Ready to react, hard to relax."),
            Feeling("frustrated", "Blocked from something that matters to me."),
        ),
    ),
    Quadrant(
        "high-pleasant",
        "Higher energy, pleasant",
        (
            Feeling("motivated", "Wanting to act, and it feels like my own wish."),
            Feeling("curious", "Drawn to find out more."),
            Feeling("excited", "Looking forward to something with energy."),
            Feeling("energised", "Plenty of fuel in the tank."),
            Feeling("focused", "Attention gathered on one thing, without strain."),
            Feeling("hopeful", "Expecting that things can get better."),
            Feeling("inspired", "Moved by an idea or a person."),
            Feeling("playful", "Light, open to fun."),
        ),
    ),
    Quadrant(
        "low-unpleasant",
        "Lower energy, unpleasant",
        (
            Feeling("drained", "Used up, as if the battery ran out."),
            Feeling("exhausted", "Tired in a way sleep alone doesn't fix."),
            Feeling("numb", "Little feeling at all, flat and far away."),
            Feeling("discouraged", "Losing confidence that effort will pay off."),
            Feeling("lonely", "Wanting connection that isn't there."),
            Feeling("sad", "Heavy, with a sense of loss."),
            Feeling("flat", "Going through the motions."),
            Feeling("ashamed", "Feeling that I am not enough."),
        ),
    ),
    Quadrant(
        "low-pleasant",
        "Lower energy, pleasant",
        (
            Feeling("calm", "Settled and steady."),
            Feeling("rested", "Recovered, with some reserve."),
            Feeling("content", "This is enough for now."),
            Feeling("relaxed", "Muscles and mind have let go a little."),
            Feeling("grateful", "Aware of something good I have."),
            Feeling("peaceful", "Quiet inside."),
            Feeling("relieved", "A weight has lifted."),
            Feeling("at ease", "Comfortable being as I am."),
        ),
    ),
)

FEELINGS = {feeling.word: feeling for quadrant in QUADRANTS for feeling in quadrant.feelings}
