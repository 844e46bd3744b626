"""Quotes and their speakers, table-driven, on news sentences written for these tests.

Each case: the article text, a substring of the quote, the speaker expected (a substring of the
``speaker`` string; None for no speaker), and whether the quote is direct. Paragraphs are
separated by a blank line, as ``Article.text`` has them.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from storyline.annotation import annotate
from storyline.annotation.quotes import find_quote_spans
from storyline.model import Article, Quote

CASES: list[tuple[str, str, str | None, bool]] = [
    # --- "X said" after the quote, and "said X" inverted
    (
        "“We will not back down,” Governor Maria Lopez said on Tuesday.",
        "We will not back down",
        "Maria Lopez",
        True,
    ),
    (
        "“The vote is final,” said Senator Tom Harkin, a Democrat from Iowa.",
        "The vote is final",
        "Tom Harkin",
        True,
    ),
    (
        "“It was a mistake,” said Mr. Daniel Ortega’s spokesman, Rafael Cruz.",
        "It was a mistake",
        "Rafael Cruz",
        True,
    ),
    (
        "“Prices will rise,” the central bank’s chief economist, Anna Berg, said.",
        "Prices will rise",
        "Anna Berg",
        True,
    ),
    (
        "“We are reviewing the footage,” a police spokeswoman said.",
        "reviewing the footage",
        "a police spokeswoman",
        True,
    ),
    (
        "“This is not over,” said Jane Doe, who lost her home in the fire.",
        "This is not over",
        "Jane Doe",
        True,
    ),
    (
        '"We expect a decision soon," said Paul Meyer, the company\'s lawyer.',
        "expect a decision soon",
        "Paul Meyer",
        True,
    ),
    (
        "“Nobody wins a trade war,” economist Lisa Tran said in an interview.",
        "Nobody wins a trade war",
        "Lisa Tran",
        True,
    ),
    ("“I am innocent,” Mr. Baker told the court.", "I am innocent", "Baker", True),
    (
        "“The talks were useful,” Foreign Minister Kenji Sato told reporters in Tokyo.",
        "talks were useful",
        "Kenji Sato",
        True,
    ),
    # --- cue before the quote
    ("Prime Minister Ana Silva said: “We have a deal.”", "We have a deal", "Ana Silva", True),
    (
        "The mayor, Karen Bass, said on Monday that “the city will rebuild.”",
        "the city will rebuild",
        "Karen Bass",
        True,
    ),
    (
        "Sen. Mitch McConnell warned that the bill “will not pass this chamber.”",
        "will not pass this chamber",
        "McConnell",
        True,
    ),
    (
        "Judge Amy Ross wrote that the law was “plainly unconstitutional.”",
        "plainly unconstitutional",
        "Amy Ross",
        True,
    ),
    (
        "Dr. Ravi Patel told CNN that the vaccine was “safe and effective.”",
        "safe and effective",
        "Ravi Patel",
        True,
    ),
    (
        "General Mark Hertling added that the offensive had “stalled badly.”",
        "stalled badly",
        "Hertling",
        True,
    ),
    (
        "Chancellor Olaf Scholz insisted the pipeline was “a private business project.”",
        "a private business project",
        "Olaf Scholz",
        True,
    ),
    # --- according to, as X put it
    (
        "The plan would cost “at least $2 billion,” according to Transport Secretary Pete Buttigieg.",
        "at least $2 billion",
        "Pete Buttigieg",
        True,
    ),
    (
        "Turnout was “historically low,” according to the election commission.",
        "historically low",
        "commission",
        True,
    ),
    (
        "As Senator Elizabeth Warren put it, “the banks got bailed out and the people got sold out.”",
        "the banks got bailed out",
        "Elizabeth Warren",
        True,
    ),
    ("The market, as one trader put it, was “in free fall.”", "in free fall", "one trader", True),
    # --- role descriptions kept as written
    (
        "“No decision has been made,” a senior administration official said.",
        "No decision has been made",
        "a senior administration official",
        True,
    ),
    (
        "“We are monitoring the situation,” White House officials said.",
        "monitoring the situation",
        "White House officials",
        True,
    ),
    (
        "A terse Pentagon statement said the strike “hit its intended target.”",
        "hit its intended target",
        "Pentagon",  # the author of a statement is its speaker (issue 15)
        True,
    ),
    (
        "“Everyone is exhausted,” said a nurse at the hospital who asked not to be named.",
        "Everyone is exhausted",
        "a nurse",
        True,
    ),
    (
        "“The fire is 40 percent contained,” fire officials said Sunday.",
        "40 percent contained",
        "fire officials",
        True,
    ),
    (
        "“We were not consulted,” two European diplomats said.",
        "We were not consulted",
        "two European diplomats",
        True,
    ),
    # --- pronouns, within and across paragraphs
    (
        "Senator Lisa Murkowski spoke after the vote.\n\n“I could not support it,” she said.",
        "I could not support it",
        "Lisa Murkowski",
        True,
    ),
    (
        "Coach Mike Brown was blunt after the loss. “We did not compete,” he said.",
        "We did not compete",
        "Mike Brown",
        True,
    ),
    (
        "Mayor Eric Adams said the city would hire more teachers.\n\n"
        "The city council approved the budget.\n\n"
        "“This is a good day for our children,” he said.",
        "good day for our children",
        "Eric Adams",
        True,
    ),
    (
        "“The border is secure,” said Alejandro Mayorkas, the homeland security secretary.\n\n"
        "He added that arrests had fallen. “We are seeing results,” he said.",
        "seeing results",
        "Mayorkas",
        True,
    ),
    (
        "Investigators from the safety board arrived on Friday.\n\n“We will be here for days,” they said.",
        "We will be here for days",
        None,
        True,
    ),
    (
        "Angela Merkel met the press in Berlin. She said that Germany “will stand by its commitments.”",
        "will stand by its commitments",
        "Angela Merkel",
        True,
    ),
    # --- continuation: second quote in a paragraph, and over paragraphs
    (
        "“The economy is strong,” said Janet Yellen. “Inflation is coming down.”",
        "Inflation is coming down",
        "Janet Yellen",
        True,
    ),
    (
        "“We lost everything,” said Maria Gonzalez, 54. “The water came so fast. We had no time.”",
        "The water came so fast",
        "Maria Gonzalez",
        True,
    ),
    (
        "“The first thing we did was count the children,” said teacher Ann Price. “Then we ran.",
        "Then we ran",
        "Ann Price",
        True,
    ),
    (
        "Paul Kim said the vote was rigged: “They stole it.\n\n“And everybody knows they stole it.”",
        "everybody knows they stole it",
        "Paul Kim",
        True,
    ),
    (
        "The minister, Nadia Calviño, was asked about the deficit. “It will shrink.\n\n"
        "“Growth is strong and revenues are rising,” she said.",
        "Growth is strong",
        "Nadia Calviño",
        True,
    ),
    # --- nested quotes and quote styles
    (
        "“He told me ‘you are fired’ and walked out,” said Laura Chen, a former employee.",
        "you are fired",
        "Laura Chen",
        True,
    ),
    ("Putin warns Biden of ‘complete rupture’ over Ukraine", "complete rupture", "Putin", True),
    ("'It is a sad day,' said Archbishop Justin Welby.", "It is a sad day", "Justin Welby", True),
    ('"We need help now," Kenyan President William Ruto said.', "We need help now", "William Ruto", True),
    ("«We are ready», said the spokesman, Pierre Dupont.", "We are ready", "Pierre Dupont", True),
    # --- partial quotes inside a sentence: the subject of the verb that governs them (PolNeAR's
    # annotators credit "Clinton called half of Trump's supporters “deplorables”" to Clinton)
    (
        "Senator Ted Cruz called the agreement “a disaster” and promised to fight it.",
        "a disaster",
        "Ted Cruz",
        True,
    ),
    ("The move was “unprecedented,” the official said.", "unprecedented", "the official", True),
    (
        "The governor said the storm was “catastrophic” and asked for federal aid.",
        "catastrophic",
        "governor",
        True,
    ),
    (
        "Police said the suspect was “armed and dangerous” and urged residents to stay inside.",
        "armed and dangerous",
        "Police",
        True,
    ),
    (
        "Secretary of State Antony Blinken said the United States had “serious concerns” about the election.",
        "serious concerns",
        "Antony Blinken",
        True,
    ),
    (
        "The report described the response as “slow and confused,” said Rep. Adam Schiff.",
        "slow and confused",
        "Adam Schiff",
        True,
    ),
    # --- indirect speech (direct=false)
    (
        "Finance Minister Chrystia Freeland said the budget would be balanced by 2028.",
        "the budget would be balanced by 2028",
        "Chrystia Freeland",
        False,
    ),
    (
        "The company told investors that profits would fall in the third quarter.",
        "profits would fall in the third quarter",
        "The company",
        False,
    ),
    (
        "Officials said at least 12 people had died in the flooding.",
        "at least 12 people had died",
        "Officials",
        False,
    ),
    (
        "Two people familiar with the matter said the deal could be announced next week.",
        "the deal could be announced next week",
        "Two people familiar with the matter",
        False,
    ),
    (
        "Rescue crews were still searching on Sunday, according to the fire department.",
        "Rescue crews were still searching on Sunday",
        "the fire department",
        False,
    ),
    (
        "According to the United Nations, more than 2 million people have fled the country.",
        "more than 2 million people have fled",
        "United Nations",
        False,
    ),
    (
        "President Emmanuel Macron warned that Europe faced a long war.",
        "Europe faced a long war",
        "Emmanuel Macron",
        False,
    ),
    (
        "Mr. Johnson insisted that he had followed the rules at all times.",
        "he had followed the rules",
        "Johnson",
        False,
    ),
    (
        "Health Secretary Sajid Javid announced that the restrictions would end on Monday.",
        "the restrictions would end on Monday",
        "Sajid Javid",
        False,
    ),
    ("She later acknowledged that the figures had been wrong.", "the figures had been wrong", None, False),
    # --- told reporters / added / warned with the cue after the quote
    (
        "“We are not going anywhere,” the union leader Sharon Graham told reporters.",
        "not going anywhere",
        "Sharon Graham",
        True,
    ),
    ("“The risk is real,” Dr. Anthony Fauci warned.", "The risk is real", "Anthony Fauci", True),
    ("“And we will win,” Zelensky added.", "And we will win", "Zelensky", True),
    (
        "“This is a dark day for democracy,” Nancy Pelosi wrote on Twitter.",
        "dark day for democracy",
        "Nancy Pelosi",
        True,
    ),
    ("“Why now?” asked Councilman Joe Borelli.", "Why now", "Joe Borelli", True),
    # --- two speakers in one paragraph, nearest cue wins
    (
        "“We support the plan,” said Ursula von der Leyen, while Viktor Orbán said the plan was “a mistake.”",
        "We support the plan",
        "Ursula von der Leyen",
        True,
    ),
    (
        "“We support the plan,” said Ursula von der Leyen, while Viktor Orbán said the plan was “a mistake.”",
        "a mistake",
        "Viktor Orbán",
        True,
    ),
    (
        "“It was my decision,” Ms. Harris said, adding that she “takes full responsibility.”",
        "It was my decision",
        "Harris",
        True,
    ),
    # --- colon introductions, relative pronouns, tags after a quoted question, names NER misses
    (
        "Mary Lee, who runs the shelter, posted on Facebook: “We are full tonight.”",
        "We are full tonight",
        "Mary Lee",
        True,
    ),
    (
        "A top Democratic aide put it bluntly in an email: “This bill is dead.”",
        "This bill is dead",
        "A top Democratic aide",
        True,
    ),
    (
        "The plan was criticised by the Sierra Club, an environmental group, which said it was “a giveaway.”",
        "a giveaway",
        "Sierra Club",
        True,
    ),
    (
        "“Why should I quit?” Congressman Todd Akin asked. Nobody answered.",
        "Why should I quit",
        "Todd Akin",
        True,
    ),
    (
        "Senator Todd Akin spoke on Monday.\n\nAkin apologized for his remarks.\n\n"
        "He tweeted on Monday: “I am in this race to win.”",
        "I am in this race to win",
        "Todd Akin",
        True,
    ),
    (
        "“I take full responsibility,” said Ellen Park.\n\nBut later, Governor Tom Wolf spoke at length.\n\n"
        "“We will rebuild,” he said.",
        "We will rebuild",
        "Tom Wolf",
        True,
    ),
    # --- a tag set off inside the sentence: the speaker is the tag's subject, not the sentence's
    (
        "Those senators, Ms. Collins said on CNN, were starting to see “that the votes simply are not "
        "there” for the repeal.",
        "the votes simply are not there",
        "Collins",
        True,
    ),
    # --- no speaker: scare quotes and headlines without a cue
    ("The agency calls these “legacy systems” and plans to replace them.", "legacy systems", None, True),
    # --- any verb that governs a quotation gives its subject (PolNeAR credits these to the subject)
    ("Clinton called half of Donald Trump’s supporters “deplorables.”", "deplorables", "Clinton", True),
    (
        "Protesters marching through the streets chanted “What curfew?” and kept going.",
        "What curfew?",
        "Protesters",
        True,
    ),
    (
        "“American Skin (41 Shots)” was written by Bruce Springsteen after the 1999 shooting.",
        "American Skin",
        "Springsteen",
        True,
    ),
    # a copula's subject is what the words describe, not who said them
    (
        "His doctor wrote a letter. Trump would be “the healthiest individual ever elected.”",
        "healthiest",
        None,
        True,
    ),
    ("“Go register,” Trump implored.", "Go register", "Trump", True),  # tagged "Trump/VB implored"
    (
        "“If Judge Gorsuch can’t get 60 votes, could any judge be approved?” Senate Majority Leader "
        "Mitch McConnell, R-Ky., asked on Tuesday.",
        "If Judge Gorsuch",
        "McConnell",
        True,
    ),
    # --- transcripts and statements: "Name, Outlet: “…”", "Dispatcher: “…”", "X released a statement:"
    (
        "Gerald F. Seib, The Wall Street Journal: “It looked for a while like the race was tightening.”",
        "It looked for a while",
        "Gerald F. Seib",
        True,
    ),
    ("The boy called 911.\n\nDispatcher: “How old is he?”", "How old is he?", "Dispatcher", True),
    (
        "On Saturday, Gov. Larry Hogan released the following statement:\n\n"
        "“We are deeply saddened by the loss.”",
        "deeply saddened",
        "Larry Hogan",
        True,
    ),
    (
        "Statement from Rock Hill Schools:\n\n“It has been an extremely sad day.”",
        "sad day",
        "Rock Hill Schools",
        True,
    ),
    (
        "Mike Pence on Saturday released an extraordinary statement saying he didn’t “condone or defend” "
        "the remarks.",
        "condone or defend",
        "Pence",
        True,
    ),
    # --- "X told Y that …": the speaker is the subject, not the one told
    (
        "Jake Tapper told Kellyanne Conway that the WikiLeaks news was “very, very troubling,” and moved on.",
        "very, very troubling",
        "Tapper",
        True,
    ),
    # --- pronouns: a person who is the subject earlier in the same sentence comes first
    (
        "“The products work,” Dr. Mehmet Oz said.\n\nSen. Claire McCaskill scolded him: “The scientific "
        "community is against you,” she said.",
        "The scientific community",
        "McCaskill",
        True,
    ),
    ("Hillary Clinton met Tim Kaine. “He is ready,” she said.", "He is ready", "Clinton", True),
    # the quotation's own subject is not the "he" of a tag set inside it
    ("Mike Pence defended Trump on Sunday. Trump, he said, “is a good man.”", "is a good man", "Pence", True),
    # a participle set off after the name is passive: the one asked is the speaker of the main verb only
    (
        "Trump, asked whether he would accept the results, said: “I will look at it at the time.”",
        "I will look at it",
        "Trump",
        True,
    ),
    ("Trump was told that the polls were “terrible,” aides said.", "terrible", "aides", True),
    (  # an honorific tells the pronoun which of two people it can be
        "Mrs. Clinton spoke first. Mr. Trump interrupted her twice. “That is not true,” she said.",
        "That is not true",
        "Clinton",
        True,
    ),
    (
        "Five Missouri Republican senators urged Akin to step aside. In a statement, they said his presence "
        "does not serve “the national interest.”",
        "the national interest",
        "senators",
        True,
    ),
    # --- quotations without a cue: an open one runs on into the next paragraph; one standing after a
    # sentence about a person is theirs; a paragraph that is only a quotation carries the speaker on
    (
        "“It’s a dog whistle,” Rep. Gwen Moore said Friday. “If indeed Barack Obama is not legitimate, "
        "how can you feel good about yourself.\n\n“I have been doing a lot of thinking,” "
        "added Rep. Jim Clyburn.",
        "If indeed Barack Obama",
        "Clyburn",
        True,
    ),
    (
        "Sen. Bernie Sanders identified young voters’ exhaustion with bigotry as a reason to vote. "
        "“The younger people are sick and tired of discrimination.”",
        "The younger people",
        "Sanders",
        True,
    ),
    (  # a phrase quoted inside narration is nobody's words
        "Mr. Trump spoke for an hour. The crowd was large, many wearing “Make America Great Again” hats.",
        "Make America Great Again",
        None,
        True,
    ),
    (
        "Robert Gates said most ships could outrun the pirates.\n\n“As with terrorism, piracy is a problem.”",
        "As with terrorism",
        "Gates",
        True,
    ),
    # --- a participle hung on a verb inside the quotation; a gerund's own subject
    (
        "On Twitter, Mr. Strzok said he was “deeply saddened by this decision,” adding, "
        "“It has been an honor.”",
        "It has been an honor",
        "Strzok",
        True,
    ),
    (
        "This latest ad ends with Perry claiming, “faith made America strong.”",
        "faith made America strong",
        "Perry",
        True,
    ),
    (  # a gerund's doer is the subject of the clause it hangs on, passive or not
        "LePage has been mired in controversy since calling state Rep. Drew Gattine a “socialist” last week.",
        "socialist",
        "LePage",
        True,
    ),
    # --- "Del." is a title, not the end of a sentence
    (
        "“This is a waste of time,” said Del. Stacey Plaskett of the Virgin Islands.",
        "waste of time",
        "Plaskett",
        True,
    ),
    # --- nothing in the parse ties the quotation to anyone: the nearest name outside quotation
    # marks in its paragraph ("Tweeted" capitalised reads as a name, not a verb)
    (
        "“Not us, but we cannot argue with it!” Murphy, the head of the group, Tweeted on Friday "
        "with a photo of the crowd.",
        "we cannot argue",
        "Murphy",
        True,
    ),
    # --- a quotation paragraph after a sentence a person led, with no speaker since
    (
        "Ms. Lee was quick to add that the plan does not include new taxes.\n\n"
        "“Raising taxes? Not happening.”",
        "Raising taxes",
        "Lee",
        True,
    ),
    # --- after a question, a name and any past-tense verb are the quotation's tag
    ("“Would you sign it?” Hannity pressed. “Maybe next year?”", "sign it", "Hannity", True),
    ("“Would you sign it?” Hannity pressed. “Maybe next year?”", "next year", "Hannity", True),
    # --- the author of a message is its speaker
    (
        "Bernie Sanders lost the state. On Tuesday night a fundraising email sent out by Sanders "
        "warned of the fight ahead: “There are 14 primaries left.”",
        "14 primaries",
        "Sanders",
        True,
    ),
    # --- titles joined by "and" before the name
    ("“It is over,” said former Ohio Gov. and party chairman Ted Strickland.", "over", "Strickland", True),
    # --- "Of Carson" misparsed as the subject: the preposition's object stands for it
    ("Of Carson, Levine, who has given money to Rubio, said, “He is scary.”", "scary", "Levine", True),
    # --- two apostrophes as double marks (archive copy), a nested single quotation inside them
    (
        "That ''is the thing that saved us,'' said Carole Taylor, the minister of finance. ''If I had "
        "said, 'Trust us,' I knew it would have been a disaster.''",
        "I knew it would",
        "Carole Taylor",
        True,
    ),
    # --- a sentence whose only marks are two apostrophes is parsed: the verb governing it speaks
    (
        "Jeb Bush, who has resented the glide path of his rival, called him ''totally scripted.''",
        "totally scripted",
        "Jeb Bush",
        True,
    ),
    # --- a tag whose subject the parser put inside the quotation: the name the phrase closes on
    (
        "“They were professionals, but also competitors,” William M. Daley, President Obama's former "
        "chief of staff, said of their time in the administration.",
        "competitors",
        "William M. Daley",
        True,
    ),
    # --- a double mark closing after a nested single one, a space between them
    (
        "\"You can walk off the court and say, 'Well done,' \" said Rep. Diane Russell, a Maine legislator.",
        "walk off the court",
        "Diane Russell",
        True,
    ),
    # --- a party member after the verb: "added a South Carolina Democrat"
    (
        "“Hillary needed to split the first two primaries,” added a South Carolina Democrat.",
        "split the first",
        "a South Carolina Democrat",
        True,
    ),
    # --- the object of "tell" is the one told
    (
        "“I back him,” Brent Bozell III, founder of a think tank, tells Breitbart News in an interview.",
        "I back him",
        "Bozell",
        True,
    ),
    # --- a participle hung on the reported clause is the reporter's
    (
        "Byrne also wrote that the agents knew to brace for the storms, saying, “They came every day.”",
        "every day",
        "Byrne",
        True,
    ),
    # --- a bare surname shared by two named people is the one introduced first
    (
        "Ted Cruz was angry. His wife, Heidi Cruz, was at the event.\n\n“It is garbage,” Mr. Cruz said.",
        "garbage",
        "Ted Cruz",
        True,
    ),
    (
        "Donald Trump spoke on Monday. He mentioned Melania Trump twice.\n\n“We will win,” Trump said.",
        "We will win",
        "Donald Trump",
        True,
    ),
    # --- ... and the other honorific is the other one: "Mrs. Clinton" … "Mr. Clinton"
    (
        "Hillary Clinton spoke first on Monday. Bill Clinton followed her.\n\n"
        "“We are ready,” Mrs. Clinton said.\n\n“So am I,” Mr. Clinton said.",
        "So am I",
        "Bill Clinton",
        True,
    ),
    # --- a message named before as what someone sent, issued or wrote in speaks for its author
    (
        "Every Republican on the committee sent a letter to Adam Schiff on Thursday, urging him to resign."
        "\n\n“Your actions are incompatible with your duty,” the letter stated.",
        "incompatible",
        "Every Republican",
        True,
    ),
    (
        "The Security Council issued a statement calling the test “a clear violation” of its resolutions. "
        "“We condemn it,” the statement said.",
        "We condemn it",
        "Security Council",
        True,
    ),
    (
        "In a letter, the lawmakers slammed Adam Schiff for his “repeated claims” of collusion.\n\n"
        "“Your actions are incompatible with your duty,” the letter stated.",
        "incompatible",
        "the lawmakers",
        True,
    ),
    # --- a paragraph that is only a quotation carries on a pronoun speaker of the paragraph before
    (
        "Paul Ryan spoke first on Monday.\n\n“We have the votes,” he said.\n\n“And we will do it this week.”",
        "this week",
        "Paul Ryan",
        True,
    ),
    # --- verbs of manner of speaking are speech beside a quotation
    ("“Open the door! We’re coming in!” an officer shouts.", "Open the door", "an officer", True),
    (
        "Officers arrived moments later, and the window washer yelled from his perch, “Stop them!”",
        "Stop them",
        "the window washer",
        True,
    ),
    (
        "“They just drove through the fence,” yelled a neighbour in a home video of the arrest.",
        "drove through",
        "a neighbour",
        True,
    ),
    # --- ... and with no author named, the message stays the speaker as written
    (
        "“Your actions are incompatible with your duty,” the letter stated.",
        "incompatible",
        "the letter",
        True,
    ),
    # --- a message that names its author in its own words: the author speaks (gva-dev, basil-dev
    # and polnear-dev write "a statement from the Democratic committee said", "the statement released
    # by each office said", "a Homeland Security memo said")
    ('A White House statement said the president "remains committed" to the talks.',
     "remains committed", "White House", True),
    ('Trump\'s statement said he "never met" the woman.', "never met", "Trump", True),
    ('A statement from the Pentagon said the strike was "necessary and proportionate."',
     "necessary", "Pentagon", True),
    # --- ... but not a common noun before it, nor a sheriff for the sheriff's department
    ('A press statement said the company "deeply regrets" the incident.', "deeply regrets",
     "A press statement", True),
    ("Deputies saw a body, according to a sheriff's department press release.", "saw a body",
     "department", False),
    # --- any verb as a tag, when the parser hangs it on the quotation (PolNeAR train: "assured",
    # "notes" read as a noun), and a quotation after a sentence a second person leads
    ('Ms. Reyes invited Tom Baxter onto the stage. "She is no radical, folks," Baxter assured the crowd.',
     "no radical", "Baxter", True),
    ("Kellyanne Conway runs the polls for the campaign.\n\nTrump has begun to dial down the rhetoric,"
     " especially when he reads from prepared texts rather than riffing at rallies. \"Look at the"
     ' statement Mr. Trump put out after the Dallas shootings," Conway notes. "It was very different'
     ' in tone."', "different in tone", "Conway", True),
    ('"It is a sad day," Clinton told reporters. Bernie Sanders disagreed. "It is a great day."',
     "a great day", "Bernie Sanders", True),
    # --- a title cut off at its abbreviation point is no speaker; a date beside a cue is no one
    ('"We are already at war," said Pentagon spokesman Navy Capt. Jeff Davis, who declined to say more.',
     "already at war", "Jeff Davis", True),
    ("Mayor Karen Weaver spoke. Weaver did not seem impressed with his remarks Tuesday, telling "
     "reporters, “A lot of people said the governor should step down.”", "A lot of people",
     "Weaver", True),
    # --- the list form "HEADLINE - Name: “…”" and a speech verb before a colon
    ("VOTERS CARE ABOUT INSPIRATION - Frank Newport and Jim Harter: “We found that inspiration matters.”",
     "inspiration matters", "Jim Harter", True),
    ("As Joel Pollak observed, the biggest winner was the stage itself:\n\n“The clear winner was Fox.”",
     "The clear winner", "Joel Pollak", True),
    # --- a participle after a tag is the tag's; a verb joined to the one that governs the quote is no tag
    ("Smith cannot claim that “from his seat,” Jones added, saying it should be “up to the voters.”",
     "up to the voters", "Jones", True),
    ("Cruz said he'd make the sand \"glow in the dark,\" for instance, and Trump vowed to \"hit them.\"",
     "glow in the dark", "Cruz", True),
    # --- a name the parse hangs, through an apposition, on a verb earlier in the sentence
    ("While discussing a tweet featuring a six-pointed star likened to the Star of David, Speaker of "
     "the House Rep. Paul Ryan (R-WI) said “anti-Semitic images, they’ve got no place in a campaign.”",
     "no place in a campaign", "Paul Ryan", True),
]


def _quote_with(quotes: tuple[Quote, ...], part: str) -> Quote:
    found = [q for q in quotes if part in q.text]
    assert found, f"no quote holds {part!r}: {[q.text for q in quotes]}"
    return min(found, key=lambda q: len(q.text))


@pytest.mark.parametrize(("text", "part", "speaker", "direct"), CASES)
def test_quote_speaker(nlp: Any, text: str, part: str, speaker: str | None, direct: bool) -> None:
    ann = annotate(Article(id="t", text=text), nlp)
    q = _quote_with(ann.quotes, part)
    assert text[q.start : q.end] == q.text
    assert q.direct is direct
    if speaker is None:
        assert q.speaker is None
    else:
        assert q.speaker is not None and speaker in q.speaker, q


def test_speaker_keys_match_names_across_forms(nlp: Any) -> None:
    text = (
        "President Vladimir Putin spoke for an hour.\n\n"
        "“We do not want war,” Mr Putin said.\n\n"
        "“Russia will defend itself,” Putin added."
    )
    ann = annotate(Article(id="k", text=text), nlp)
    keys = {q.speaker_key for q in ann.quotes if q.direct}
    assert keys == {"person:putin"}


def test_role_speaker_has_no_key(nlp: Any) -> None:
    ann = annotate(Article(id="r", text="“We are ready,” a senior official said."), nlp)
    assert ann.quotes[0].speaker == "a senior official" and ann.quotes[0].speaker_key is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The dismissed engineer’s lawyer, Maria Santos, said the firing broke company rules.\n\n"
            "“This was retaliation, plain and simple,” the lawyer said.",
            "person:santos",
        ),
        (
            "Emmanuel Okafor was sworn in Monday as the country’s fifth president since independence.\n\n"
            "“We will rebuild trust in our institutions,” the new president told the crowd.",
            "person:okafor",
        ),
    ],
)
def test_speaker_described_by_role_gets_the_person_key(nlp: Any, text: str, key: str) -> None:
    """“…,” the lawyer said: the quote is the one person the article gives that role."""
    ann = annotate(Article(id="d", text=text), nlp)
    q = _quote_with(ann.quotes, text.split("“")[1][:20])
    assert q.speaker_key == key, q


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Harlan County Sheriff Nick Weems said the children found the gun in a bedroom.\n\n"
            "“You never know what a child is going to do,” the sheriff said.",
            "person:weems",
        ),
        (
            "At a news conference, Superintendent Eddie Johnson spoke about the shooting.\n\n"
            "“Enough is enough,” the superintendent said.",
            "person:johnson",
        ),
    ],
)
def test_office_the_article_writes_as_a_title_is_a_role(nlp: Any, text: str, key: str) -> None:
    """ "Sheriff Nick Weems" … “…,” the sheriff said: an office no fixed list holds, learnt from
    the title the article writes before the name."""
    ann = annotate(Article(id="t", text=text), nlp)
    q = _quote_with(ann.quotes, text.split("“")[1][:14])
    assert q.speaker_key == key, q


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Rep. Elijah Cummings and other House Democrats said the report was “a whitewash of the facts.”",
            "Elijah Cummings and other House Democrats",
        ),
        ("“It makes no sense,” Dean Jones and Scott Keeler said.", "Dean Jones and Scott Keeler"),
    ],
)
def test_coordinated_subject_speaks_jointly(nlp: Any, text: str, speaker: str) -> None:
    """ "X and other Democrats said": the speaker shown names them all, keyed by the first."""
    ann = annotate(Article(id="j", text=text), nlp)
    q = ann.quotes[0]
    assert q.speaker == speaker and q.speaker_key is not None and q.speaker_key.startswith("person:"), q


def test_capitalised_only_word_before_a_name_is_no_role() -> None:
    """ "Republican Ted Cruz": a word the article never writes in lower case is a party, not an
    office, and "the Republican" stays unresolved."""
    from storyline.annotation.roles import RoleIndex
    from storyline.model import Entity

    text = "Republican Ted Cruz spoke first. The Republican said he would run."
    index = RoleIndex.build(text, [Entity("Ted Cruz", "PERSON", "person:cruz", 11, 19)])
    assert "republican" not in index.nouns
    text = "Warden Amy Price spoke first. The warden said the prison was calm."
    index = RoleIndex.build(text, [Entity("Amy Price", "PERSON", "person:price", 7, 16)])
    assert "warden" in index.nouns and index.resolve("warden", []) == "person:price"


def test_role_shared_by_two_people_stays_without_key(nlp: Any) -> None:
    text = (
        "Sarah Mitchell, a lawyer for the family, and David Chen, a lawyer for the city, "
        "argued for an hour.\n\n"
        "“The evidence is thin,” the lawyer said."
    )
    ann = annotate(Article(id="d2", text=text), nlp)
    q = _quote_with(ann.quotes, "The evidence is thin")
    assert q.speaker_key is None


def test_cue_is_the_verb_as_written(nlp: Any) -> None:
    ann = annotate(Article(id="c", text="“Not today,” she warned. Prices rose, according to the bank."), nlp)
    cues = {q.cue for q in ann.quotes}
    assert "warned" in cues and "according to" in cues


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “yes” and left.", ["yes"]),
        ("It’s Russia’s call, he said.", []),
        ("“One,” he said. “Two.”", ["One", "Two."]),
        ("A ‘nested “double” quote’ here.", ["nested “double” quote"]),
        ("“Outer ‘inner’ words,” she said.", ["Outer ‘inner’ words"]),
        ('"Straight quotes," he said, "work too."', ["Straight quotes", "work too."]),
        ("The rock band played hits from the '90s all night.", []),
        ("He rode the boom of the late '70s: \"It won't last,\" he said.", ["It won't last"]),
        ("“Open at the end\n\n“and reopened,” she said.", ["Open at the end", "and reopened"]),
        ("“It is rare,“ said Ann Lee. “It is hard.”", ["It is rare", "It is hard."]),  # “ typed for ”
        # ” typed for “: after a space and before a word, or opening a paragraph behind an
        # invisible direction mark pasted with a comment
        ("Doing so ”appeared to be an attempt,” he said.", ["appeared to be an attempt"]),
        ("Fans wrote.\n\n\u202a”Sorry, you are right!” posted Ann Lee.", ["Sorry, you are right!"]),
        ("It ended.” He left, and ” so on.", []),  # a stray ” after a word or between spaces opens nothing
    ],
)
def test_quote_marks(text: str, quoted: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == quoted


def test_two_apostrophes_are_one_double_mark() -> None:
    text = "Mr. King's show, ''Politicking.'' He said ''it's 'fine' now,'' and left in the '90s."
    assert [text[q.start : q.end] for q in find_quote_spans(text)] == ["Politicking.", "it's 'fine' now"]


def test_reopened_quote_is_marked_continued() -> None:
    spans = find_quote_spans("“First part.\n\n“Second part,” she said.")
    assert [s.closed for s in spans] == [False, True]
    assert [s.continued for s in spans] == [False, True]


def test_according_to_inside_a_clause_reports_no_fragment(nlp: Any) -> None:
    text = "Mr Biden said the route taken, according to the official, will “depend on Russia’s actions”."
    ann = annotate(Article(id="a", text=text), nlp)
    assert [q.text for q in ann.quotes if not q.direct and q.cue == "according to"] == []
    assert _quote_with(ann.quotes, "depend on").speaker == "Biden"


def test_reported_clause_ending_in_a_conjunction_runs_to_the_sentence_end(nlp: Any) -> None:
    text = (
        "White House officials offered a muted analysis, suggesting the leaders agreed there are areas where "
        "the two sides can make meaningful progress but also differences that might be impossible to resolve."
    )
    q = _quote_with(annotate(Article(id="b", text=text), nlp).quotes, "meaningful progress")
    assert q.text.endswith("impossible to resolve") and q.speaker == "White House officials"


def test_a_participle_set_off_after_the_name_is_not_a_speech_cue(nlp: Any) -> None:
    text = "Trump, asked whether he would accept the results, said he would look at it."
    ann = annotate(Article(id="p", text=text), nlp)
    assert [q.text for q in ann.quotes if q.cue == "asked"] == []


@pytest.mark.parametrize(
    "text",
    [
        # the object of "on"/"in": a show (basil-dev, polnear train, ecbplus-dev)
        "Senator Bob Corker, Republican of Tennessee, said on “Fox News Sunday” that a small but"
        " growing group of Republicans was unhappy.",
        "“Thank God, I am very healthy,” Sanders said during an interview on CNN’s “State of the"
        " Union” Sunday.",
        'She performed in New York stage productions and on television, once appearing on "The'
        ' Jackie Gleason Show."',
        # set beside a work noun, or the object of the verb that made the work (ecbplus-dev, basil-dev)
        'Weitz has been involved in movies that encompass elements featured in "Twilight," directing'
        ' the fantasy adventure "The Golden Compass."',
        'Chris Weitz, who directed "The Golden Compass," is negotiating to direct the cinematic sequel'
        ' to "Twilight," industry sources say.',
        'The sketch portrayed Mitt Romney as one of the stars of the Broadway show "The Book of Mormon."',
        # what a work is called, whatever its case (gva-dev, ecbplus-dev, polnear train)
        'The song being filmed is called "2 techs and a 50 shot."',
        'A movie called "The Notorious Bettie Page" was released in 2005.',
        'Starr said Clinton\'s situation reminds him of the 1969 book titled "The Tragedy of Lyndon'
        ' Johnson," explaining his view.',
    ],
)
def test_a_title_in_quotation_marks_is_a_name_not_a_quote(nlp: Any, text: str) -> None:
    """A show's, a film's or a book's name set in quotation marks is no one's words: by its role
    in the sentence (the object of "on", beside a work noun, what something is called) it is
    not a quote, so no one is credited with it."""
    ann = annotate(Article(id="n", text=text), nlp)
    titles = re.findall(r'[“"]([^“”"]+)[”"]', text)
    assert titles and not [q for q in ann.quotes if q.text.strip(',."') in titles]


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own term in scare quotes, no speaker and no speech verb (ecbplus-dev 4)
        "Williams, whose experiences as a young swimming champion led to a career of Hollywood"
        " “aqua-musicals” designed just for her, died yesterday in Beverly Hills, her spokesman said.",
        'Pinup girl Williams was the star of WWII-era "aquatic musicals" and helped make the sport of'
        " synchronized swimming popular.",
        "The so-called “peace dividend” never arrived.",
    ],
)
def test_a_writers_term_in_scare_quotes_is_not_a_quote(nlp: Any, text: str) -> None:
    """A short phrase in quotation marks inside narration that no one in the sentence says (the
    verb above it is no speech verb and has no subject who can speak) is the writer's term: no
    quote, so it is never credited to the person named nearest."""
    ann = annotate(Article(id="s", text=text), nlp)
    terms = re.findall(r'[“"]([^“”"]+)[”"]', text)
    assert terms and not [q for q in ann.quotes if q.text.strip(',."') in terms]


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        # a title-cased quotation after an indefinite article is a phrase of the speaker (basil-dev)
        (
            'Perry, claiming in a new TV ad that President Obama is waging a "War on Religion," said'
            " he would end it.",
            "War on Religion",
            "Perry",
        ),
        # named by someone: the namer's own word (basil-dev, polnear train)
        (
            "Mitch McConnell of Kentucky, the majority leader, has branded it the “Democrat Politician"
            " Protection Act” in weekly speeches.",
            "Democrat Politician",
            "McConnell",
        ),
        (
            "In the 1970s, Betty Friedan called Mrs. Schlafly an ''Aunt Tom.''",
            "Aunt Tom",
            "Friedan",
        ),
        # a title-cased clause is a remark (polnear train)
        (
            "Her campaign quickly blasted out an email to supporters stating, “Speaker Paul Ryan Joins"
            " Growing List of Conservatives Rebuking Trump as He Captures GOP Nomination.”",
            "Speaker Paul Ryan Joins",
            None,
        ),
    ],
)
def test_a_title_cased_phrase_someone_uses_is_still_a_quote(
    nlp: Any, text: str, part: str, speaker: str | None
) -> None:
    """Case alone does not make a name: a capitalised phrase after "a", one a named person
    coins ("branded it", "called her"), or a headline that is a clause are someone's words."""
    ann = annotate(Article(id="n", text=text), nlp)
    q = _quote_with(ann.quotes, part)  # fails when no quote holds the words
    assert q.direct
    if speaker is not None:
        assert q.speaker is not None and speaker in q.speaker, q


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        (  # basil-dev: a quantified group named first, "the lawmakers" after
            "Every Republican on the House Intelligence Committee on Thursday demanded Rep. Adam Schiff"
            " step down as chairman.\n\nIn a letter, obtained by Fox News and signed by every Republican"
            " on the committee, the lawmakers slammed Schiff for his claims in the media.\n\n“Your actions"
            " both past and present are incompatible with your duty as Chairman of this Committee,” the"
            " letter stated.",
            "Your actions both past",
            "Every Republican on the House Intelligence Committee",
        ),
        (  # PolNeAR: the same noun again
            "Jake Sullivan sent the messages, according to multiple intelligence sources who have seen"
            " the correspondence.\n\nSullivan both initiated email conversations and also forwarded"
            " along messages with sensitive information, according to the sources.",
            "initiated email conversations",
            "multiple intelligence sources",
        ),
    ],
)
def test_the_lawmakers_are_the_group_named_before(nlp: Any, text: str, part: str, speaker: str) -> None:
    """ "the lawmakers", "the sources": a bare definite plural speaker is the group the article
    named in full before, as a subject or a source."""
    ann = annotate(Article(id="g", text=text), nlp)
    q = _quote_with(ann.quotes, part)
    assert q.speaker is not None and q.speaker.startswith(speaker), q


def test_the_lawmakers_stay_as_written_without_a_group_of_their_kind(nlp: Any) -> None:
    """A group of another kind before ("protesters") is not who "the officials" are."""
    text = (
        "Hundreds of protesters marched downtown on Friday.\n\n"
        "“The curfew will stay in place,” the officials said."
    )
    ann = annotate(Article(id="g", text=text), nlp)
    assert _quote_with(ann.quotes, "curfew will stay").speaker == "the officials"


@pytest.mark.parametrize(
    ("text", "part", "key"),
    [
        (  # PolNeAR dev: no person is a subject; Oz, tagged a person elsewhere, is the one named
            "Dr. Mehmet Oz is a heart surgeon.\n\n"
            "\"Oz has a huge bully pulpit,” said David Gorski, an associate professor of surgery.\n\n"
            "CONGRESS HAS INVESTIGATED HIM — Oz’s dubious medical advice earned him the attention of"
            " Congress, where he appeared at a 2014 Senate hearing for his role in promoting weight-loss"
            " aids on his show and for saying that green coffee extract was a “magic weight loss cure"
            " for every body type.”",
            "magic weight loss",
            "person:oz",
        ),
        (  # basil-dev: an earlier "he" in the sentence is the same man, not the one named after it
            "Donald Trump vowed to end birthright citizenship.\n\n"
            "He also took aim at former Senate Democratic Leader Harry Reid, who he said “was right in"
            " 1993, before he and the Democrats went insane.”",
            "was right in 1993",
            "person:trump",
        ),
        (  # basil-dev: a name inside the quotation is not who "he" is
            "Senate Republican Conference chairman John Thune spoke on Thursday.\n\n"
            "“We will do what is necessary to confirm Judge Gorsuch on the Supreme Court, yes,” he told"
            " Fox News’ Shannon Bream on “America’s Newsroom.”\n\nNeil Gorsuch was nominated in January.",
            "necessary to confirm",
            "person:thune",
        ),
    ],
)
def test_a_pronoun_takes_the_one_person_its_sentence_names(nlp: Any, text: str, part: str, key: str) -> None:
    """ "he" with no person subject before it in its sentence is the one person of its gender the
    sentence names before it, in any role, rather than the last speaker of the paragraph before;
    but an earlier "he" in the sentence is the same man."""
    ann = annotate(Article(id="p", text=text), nlp)
    assert _quote_with(ann.quotes, part).speaker_key == key


def test_stray_hyphen_parsed_as_a_plural_subject_is_no_group(nlp: Any) -> None:
    """spaCy can read the "-" of "co-workers" as the plural subject of the verb after it: that
    subject has no words of its own, and annotating the article must not fail on it (a crash
    once lost a whole ecbplus-dev report)."""
    text = (
        "“We heard bang, bang, bang,” smelled smoke and heard co-workers shouting, said Ann Miller,"
        " 52, a clerk for the firm."
    )
    ann = annotate(Article(id="h", text=text), nlp)
    q = _quote_with(ann.quotes, "bang, bang")
    assert q.speaker is not None and "Ann Miller" in q.speaker


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        (  # BASIL 2014: a lawsuit's words are those who brought it
            "The lawsuit was brought by the attorneys general of Kansas and Iowa, and asks the court to"
            " act.\n\n“The river carries the waste into our farms,” the suit says.",
            "carries the waste",
            "Kansas and Iowa",
        ),
        (  # BASIL 2012: the letter parsed beside the one it was sent to
            "A group of 40 teachers at the college has sent Smith, R-Ohio, a letter saying he misread the"
            " report.\n\n“We ask you to read it again,” the letter states.",
            "read it again",
            "A group of 40 teachers",
        ),
        (  # PolNeAR train: a piece a paper ran, an editorial printed in a paper (not its weekday)
            "The Boston Globe recently ran a piece that noted his \"plan would help the rich most.\"",
            "help the rich",
            "Boston Globe",
        ),
        (
            "“Few mayors have shown less courage than Mayor Dale Hill,” reads a Monday editorial in The"
            " Denver Post.",
            "less courage",
            "Denver Post",
        ),
        (  # a clause joined on after the quotation is not its tag
            "Baker told Owens that the vote was \"deeply worrying,\" and he asked for a recount.",
            "deeply worrying",
            "Baker",
        ),
        (  # BASIL 2013: a sentence the parse gives a noun for root; the quotation is what he is called
            "The union plans a large ad campaign. The union's first ad called Mayor Hill a \"reckless"
            ' spender" for his new stadium. Hill has been critical of the union.',
            "reckless spender",
            "first ad",
        ),
        (  # BASIL 2013: "the spokesperson" is the one introduced as "a … spokesperson"
            "A spokesperson for Acme says the company \"takes privacy seriously.\"\n\n\"We follow the"
            ' law," the spokesperson said.',
            "follow the law",
            "spokesperson for Acme",
        ),
    ],
)
def test_words_of_an_author_or_one_introduced_before(nlp: Any, text: str, part: str, speaker: str) -> None:
    """A document quoted as if it spoke is its author's ("the suit says"), found through the verb that
    brought, sent or ran it; a bare "the spokesperson" the one introduced before; a clause joined on
    with "and" after a quotation is no tag of it."""
    ann = annotate(Article(id="w", text=text), nlp)
    q = _quote_with(ann.quotes, part)
    assert q.speaker is not None and speaker in q.speaker, q


@pytest.mark.parametrize(
    "text",
    [
        (  # the sentence before opens with a subordinate clause (not parsed)
            "“We object to the bill,” a union official said.\n\nWhile the crowd waited outside, Governor"
            " Ann Price signed the bill on Monday. She called the vote “a good day for the state.”"
        ),
    ],
)
def test_a_pronoun_takes_the_person_who_led_the_sentence_before(nlp: Any, text: str) -> None:
    """ "She" after a sentence a person leads past an opening clause, or as the name a title
    subject ends in, is that person, not an unnamed speaker quoted before."""
    ann = annotate(Article(id="p", text=text), nlp)
    q = _quote_with(ann.quotes, "a good day")
    assert q.speaker_key == "person:price", q


def test_a_title_subject_leads_with_the_name_it_ends_in(nlp: Any) -> None:
    """BASIL 2013: "Director of National Intelligence James Clapper issued …" parsed with "Director"
    for subject and the name inside its "of" phrase (the parse as en_core_web_sm gave it): the
    sentence is led by the person, a candidate for the next "he"."""
    from spacy.tokens import Doc

    from storyline.annotation.speakers import sentence_subjects
    from storyline.model import Entity

    words = ["Director", "of", "National", "Intelligence", "John", "Rowe", "issued", "a", "statement", "."]
    heads = [6, 0, 3, 5, 5, 1, 6, 8, 6, 6]
    deps = ["nsubj", "prep", "compound", "compound", "compound", "pobj", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    start = doc[4].idx
    rowe = Entity("John Rowe", "PERSON", "person:rowe", start, start + len("John Rowe"))
    assert sentence_subjects([(doc, 0)], [rowe]) == [rowe]
