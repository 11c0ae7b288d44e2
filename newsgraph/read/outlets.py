"""Outlet names: a small table of well-known news sites, and a readable form of a declared site name.

The table gives the name readers know ("The Telegraph", not "Telegraph.co.uk"; "HuffPost",
not "huffingtonpost.com"); it is looked up by the page's registered domain, so a section
host (``uk.reuters.com``, ``latino.foxnews.com``) finds its outlet too. Anything else uses
the site name the page declares (``og:site_name``), and only a host name is shown as a
last resort, never as ``Example_Co_Uk``.
"""

from __future__ import annotations

import re

OUTLETS: dict[str, str] = {
    "abcnews.go.com": "ABC News", "al.com": "AL.com", "aljazeera.com": "Al Jazeera", "apnews.com": "The Associated Press",
    "ap.org": "The Associated Press", "bbc.co.uk": "BBC News", "bbc.com": "BBC News", "bloomberg.com": "Bloomberg",
    "breitbart.com": "Breitbart", "businessinsider.com": "Business Insider", "businessweek.com": "Bloomberg Businessweek",
    "buzzfeednews.com": "BuzzFeed News", "cbc.ca": "CBC News", "cbsnews.com": "CBS News", "chicagotribune.com":
    "Chicago Tribune", "cnbc.com": "CNBC", "cnn.com": "CNN", "csmonitor.com": "The Christian Science Monitor",
    "dailymail.co.uk": "Daily Mail", "dw.com": "DW", "dw.de": "DW", "economist.com": "The Economist",
    "euronews.com": "Euronews", "forbes.com": "Forbes", "foxnews.com": "Fox News", "latino.foxnews.com": "Fox News Latino",
    "france24.com": "France 24", "ft.com": "Financial Times", "huffingtonpost.com": "HuffPost", "huffpost.com": "HuffPost",
    "independent.co.uk": "The Independent", "latimes.com": "Los Angeles Times", "livescience.com": "Live Science",
    "msnbc.com": "MSNBC", "nationalgeographic.com": "National Geographic", "nationalgeographic.co.uk":
    "National Geographic", "nbcnews.com": "NBC News", "newsweek.com": "Newsweek", "npr.org": "NPR",
    "nola.com": "NOLA.com", "nydailynews.com": "New York Daily News", "nypost.com": "New York Post",
    "nytimes.com": "The New York Times", "ok.co.uk": "OK! Magazine", "politico.com": "Politico",
    "reuters.com": "Reuters", "salon.com": "Salon", "scientificamerican.com": "Scientific American",
    "slate.com": "Slate", "technologyreview.com": "MIT Technology Review", "telegraph.co.uk": "The Telegraph",
    "theatlantic.com": "The Atlantic", "thedailybeast.com": "The Daily Beast", "theglobeandmail.com":
    "The Globe and Mail", "theguardian.com": "The Guardian", "theroot.com": "The Root", "thetimes.co.uk": "The Times",
    "time.com": "Time", "usatoday.com": "USA Today", "vanityfair.com": "Vanity Fair", "vice.com": "VICE",
    "vox.com": "Vox", "washingtonpost.com": "The Washington Post", "wired.com": "WIRED", "wsj.com":
    "The Wall Street Journal", "yahoo.com": "Yahoo News",
}
"""Registered domain (or a section host with its own name) → the outlet's name."""

SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "ne", "or"}


def registered_domain(host: str) -> str:
    """``uk.reuters.com`` → ``reuters.com``; ``www.telegraph.co.uk`` → ``telegraph.co.uk``."""
    labels = host.lower().rstrip(".").removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def outlet_for_host(host: str | None, *, guess: bool = False) -> str | None:
    """The table's name for a host (its own entry, else its registered domain's). ``guess``: when
    the table has none, the registered domain itself ("example.co.uk"), readable as it is."""
    if not host:
        return None
    host = host.lower().rstrip(".").removeprefix("www.")
    name = OUTLETS.get(host) or OUTLETS.get(registered_domain(host))
    return name or (registered_domain(host) if guess else None)


def readable_site_name(name: str | None) -> str | None:
    """A declared site name a reader would accept, or None: not a URL, not a bare host mangled into
    words; "Telegraph.co.uk" becomes its table name when known, "Example.com" stays as it is."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip()
    if not name or len(name) > 80 or "://" in name or "_" in name:
        return None
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+", name):
        return outlet_for_host(name) or name
    return name
