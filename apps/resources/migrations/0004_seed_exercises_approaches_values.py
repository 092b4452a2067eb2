"""Seed the exercise library, the therapy-approach guides and the values list, all published.

Everything here is self-help material, written to be kind, plain and non-diagnostic. Exercise
sources are stable pages from well-known health organisations; where no page fits, the exercise
has no source rather than an invented one. Therapy-approach texts name no specific organisation:
registers and routes differ by country, so they are described generically.
"""

from django.db import migrations

NHS_BREATHING = "Breathing exercises for stress (NHS) https://www.nhs.uk/mental-health/self-help/guides-tools-and-activities/breathing-exercises-for-stress/"
NHS_MINDFULNESS = (
    "Mindfulness (NHS) https://www.nhs.uk/mental-health/self-help/tips-and-support/mindfulness/"
)
NHS_FIVE_STEPS = "5 steps to mental wellbeing (NHS) https://www.nhs.uk/mental-health/self-help/guides-tools-and-activities/five-steps-to-mental-wellbeing/"
HARVARD_BREATH = "Relaxation techniques: breath control helps quell errant stress response (Harvard Health Publishing) https://www.health.harvard.edu/mind-and-mood/relaxation-techniques-breath-control-helps-quell-errant-stress-response"
CLEVELAND_BOX = (
    "Box breathing (Cleveland Clinic) https://health.clevelandclinic.org/box-breathing-benefits"
)
CLEVELAND_478 = (
    "4-7-8 breathing (Cleveland Clinic) https://health.clevelandclinic.org/4-7-8-breathing"
)
WEIL_478 = "Breathing exercises: 4-7-8 breath (Dr Andrew Weil) https://www.drweil.com/videos-features/videos/breathing-exercises-4-7-8-breath/"
URMC_GROUNDING = "5-4-3-2-1 coping technique for anxiety (University of Rochester Medical Center) https://www.urmc.rochester.edu/behavioral-health-partners/bhp-blog/april-2018/5-4-3-2-1-coping-technique-for-anxiety.aspx"
WHO_BURNOUT = "Burn-out an “occupational phenomenon” (World Health Organization) https://www.who.int/news/item/28-05-2019-burn-out-an-occupational-phenomenon-international-classification-of-diseases"
MAYO_BURNOUT = "Job burnout: how to spot it and take action (Mayo Clinic) https://www.mayoclinic.org/healthy-lifestyle/adult-health/in-depth/burnout/art-20046642"
CCI_ASSERTIVENESS = "Assertiveness self-help resources (Centre for Clinical Interventions) https://www.cci.health.wa.gov.au/Resources/Looking-After-Yourself/Assertiveness"
CCI_PERFECTIONISM = "Perfectionism self-help resources (Centre for Clinical Interventions) https://www.cci.health.wa.gov.au/Resources/Looking-After-Yourself/Perfectionism"
ACBS = "Association for Contextual Behavioral Science (home of ACT) https://contextualscience.org/"
SLEEP_HYGIENE = "Sleep hygiene (Sleep Foundation) https://www.sleepfoundation.org/sleep-hygiene"
BERKELEY_BODY_SCAN = "Body scan meditation (Greater Good in Action, UC Berkeley) https://ggia.berkeley.edu/practice/body_scan_meditation"
APA_STRESS = "Stress (American Psychological Association) https://www.apa.org/topics/stress"
SELF_COMPASSION = "Self-compassion (Dr Kristin Neff) https://self-compassion.org/"

EXERCISES = [
    {
        "slug": "five-minute-check-in",
        "title": "Five-minute check-in",
        "kind": "reflection",
        "need": "clarity",
        "minutes": 5,
        "timing": "",
        "summary": "A short pause to notice how your body, mind and energy are doing before you decide what comes next.",
        "why": (
            "When you are running on pressure, it is easy to skip noticing how you actually are. "
            "A brief, regular check-in gives you something real to act on, instead of pushing "
            "through out of habit. It is not about fixing anything, just noticing."
        ),
        "sources": [NHS_MINDFULNESS],
        "steps": [
            "Find somewhere you can sit or stand undisturbed for five minutes, and set a gentle timer if it helps.",
            "Take three slow breaths, letting each out-breath be unhurried.",
            "Notice your body: where do you feel tension, tiredness or ease? Just name it, without judging it.",
            "Notice your mind: is it busy, foggy, calm or racing? Pick one or two words.",
            "Rate your energy from 1 to 10 as it is right now, not as you think it should be.",
            "Ask yourself what you need most at the moment: rest, connection, clarity or a boundary.",
            "Choose one small thing you could do in the next hour that serves that need.",
        ],
    },
    {
        "slug": "box-breathing",
        "title": "Box breathing",
        "kind": "breathing",
        "need": "rest",
        "minutes": 3,
        "timing": "4-4-4-4",
        "summary": "Breathe in, hold, breathe out and hold for four seconds each, like tracing the sides of a square.",
        "why": (
            "Slowing your breathing to a steady rhythm can help your body shift out of a stressed, "
            "on-alert state. Counting gives a busy mind something simple to hold on to. Many people "
            "find it useful before a demanding conversation or after a tense meeting."
        ),
        "sources": [CLEVELAND_BOX, HARVARD_BREATH],
        "steps": [
            "Sit or stand comfortably with your shoulders loose. Close your eyes, or rest your gaze on one spot.",
            "Breathe out gently to empty your lungs.",
            "Breathe in slowly through your nose for a count of four.",
            "Hold your breath gently for a count of four.",
            "Breathe out slowly for a count of four.",
            "Hold for a count of four, then begin the next round.",
            "Carry on for a few minutes. If the holds feel uncomfortable or you feel light-headed, shorten them or breathe normally for a while.",
        ],
    },
    {
        "slug": "longer-out-breath",
        "title": "Longer out-breath",
        "kind": "breathing",
        "need": "rest",
        "minutes": 3,
        "timing": "4-0-6",
        "summary": "Breathe out for a little longer than you breathe in, to help your body settle.",
        "why": (
            "Slow breathing with an out-breath a little longer than the in-breath is a common way "
            "to encourage the body's calming response. There is no holding, so many people find it "
            "gentler than other patterns. You can do it anywhere, and nobody needs to know."
        ),
        "sources": [NHS_BREATHING, HARVARD_BREATH],
        "steps": [
            "Get comfortable, sitting, standing or lying down, and loosen anything tight around your waist or chest.",
            "Breathe in gently through your nose for a count of four, letting your belly rise.",
            "Without holding, breathe out slowly for a count of six.",
            "If six feels like a strain, try in for three and out for five. A longer out-breath matters more than the exact numbers.",
            "Keep going for three to five minutes, or until you feel a little steadier.",
            "Before you carry on with your day, notice any change in your body, however small.",
        ],
    },
    {
        "slug": "four-seven-eight-breathing",
        "title": "4-7-8 breathing",
        "kind": "breathing",
        "need": "rest",
        "minutes": 2,
        "timing": "4-7-8",
        "summary": "In for four, hold for seven, out for eight: a short, slow pattern many people use to wind down.",
        "why": (
            "This pattern, popularised by Dr Andrew Weil, slows your breathing right down and gives "
            "your attention a simple count to follow. Some people find it helpful at bedtime or "
            "after a stressful moment. Start with just a few rounds, as the long hold does not suit "
            "everyone."
        ),
        "sources": [CLEVELAND_478, WEIL_478],
        "steps": [
            "Sit with your back supported, or lie down if you are using it at bedtime.",
            "Breathe out fully through your mouth.",
            "Close your mouth and breathe in quietly through your nose for a count of four.",
            "Hold your breath for a count of seven.",
            "Breathe out slowly through your mouth for a count of eight.",
            "Repeat for up to four rounds, then return to your normal breathing.",
            "If you feel light-headed or the hold is uncomfortable, stop and breathe normally. A longer out-breath without holding is a gentler alternative. If you have a heart or breathing condition, check with a doctor before practising breath holds.",
        ],
    },
    {
        "slug": "five-four-three-two-one-grounding",
        "title": "5-4-3-2-1 grounding",
        "kind": "grounding",
        "need": "clarity",
        "minutes": 5,
        "timing": "",
        "summary": "Use your senses to bring your attention back to the room when your thoughts are racing.",
        "why": (
            "When stress pulls your mind into worry about what might happen, noticing what is "
            "around you can bring your attention back to the present. Working through the senses "
            "one at a time gives your mind a simple, concrete task. It is a widely used coping "
            "skill for anxious or overwhelming moments."
        ),
        "sources": [URMC_GROUNDING],
        "steps": [
            "Pause and, if you can, put both feet flat on the floor.",
            "Look around and name five things you can see.",
            "Notice four things you can feel, such as your feet in your shoes or the chair beneath you.",
            "Listen for three things you can hear, near or far.",
            "Notice two things you can smell, or think of two smells you like if nothing stands out.",
            "Notice one thing you can taste, or take a sip of water.",
            "Take one slow breath and ask yourself what the next small, useful step is.",
        ],
    },
    {
        "slug": "energy-check",
        "title": "Energy check",
        "kind": "reflection",
        "need": "clarity",
        "minutes": 10,
        "timing": "",
        "summary": "Look back over a typical day to see what drains your energy and what gives a little back.",
        "why": (
            "Burnout often builds quietly, through many small drains that go unnoticed. Mapping "
            "where your energy goes makes patterns easier to see, so you can change one thing on "
            "purpose rather than trying to fix everything at once. Noticing what restores you "
            "matters as much as noticing what drains you."
        ),
        "sources": [WHO_BURNOUT, MAYO_BURNOUT],
        "steps": [
            "On paper or in a note, make two columns: “drains” and “restores”.",
            "Think back over the last day or two, hour by hour, and jot down activities, people and places.",
            "Put each one in a column. Some things do both, so they can go in both.",
            "Circle the drain that costs you most, and the restorer that would be easiest to do more of.",
            "Ask whether that biggest drain could be reduced, shared, moved or dropped, even slightly.",
            "Pick one small change for the coming week, and one moment to do more of what restores you.",
        ],
    },
    {
        "slug": "twenty-four-hour-rest-plan",
        "title": "24-hour rest plan",
        "kind": "rest",
        "need": "rest",
        "minutes": 20,
        "timing": "",
        "summary": "Plan a day around recovery, so rest happens on purpose instead of only when you crash.",
        "why": (
            "If your drive runs on pressure, rest can feel like something you have to earn, so it "
            "keeps getting postponed. Planning it ahead makes rest a decision rather than a reward. "
            "Including different kinds of rest, such as sleep, gentle movement, time with people "
            "and unplanned time, gives you more than one way to recover."
        ),
        "sources": [MAYO_BURNOUT],
        "steps": [
            "Choose a 24-hour window in the next week, even if parts of it include things you have to do.",
            "Write down what you will not do during it, for example checking work messages or planning next week.",
            "Plan a reasonable bedtime and waking time, leaving room for a slower morning if you can.",
            "Add one gentle physical thing, such as a walk, a stretch or a bath.",
            "Add one thing with a person or in a place you like, and one stretch of time with nothing planned at all.",
            "Tell anyone who needs to know, and put the window in your calendar as you would a meeting.",
            "Afterwards, notice how your energy feels, without grading how well you rested.",
        ],
    },
    {
        "slug": "boundary-statement-practice",
        "title": "Boundary statement practice",
        "kind": "boundary",
        "need": "boundary",
        "minutes": 10,
        "timing": "",
        "summary": "Write and rehearse one clear, kind sentence that protects your time or energy.",
        "why": (
            "Boundaries are easier to hold when the words are ready before you need them. A short, "
            "calm statement about what you will do, rather than a criticism of the other person, "
            "is usually easier to say and to hear. Practising it out loud makes it feel less "
            "awkward in the moment."
        ),
        "sources": [CCI_ASSERTIVENESS],
        "steps": [
            "Think of one situation where your time or energy regularly gets used up, such as late-evening messages or extra tasks.",
            "Decide, in one sentence, what you would like to happen instead.",
            "Write it as a calm statement about your own action, for example: “I don't answer work messages after 7pm. I'll reply in the morning.”",
            "Remove extra apologies and long explanations. One short reason is plenty, and none is fine too.",
            "Say it out loud three times, at a steady pace, as if to a friend.",
            "Plan what you will do if someone pushes back, such as calmly repeating the same sentence.",
            "Choose when you will first use it, and afterwards note how it went without judging yourself.",
        ],
    },
    {
        "slug": "saying-no-scripts",
        "title": "Saying-no scripts",
        "kind": "boundary",
        "need": "boundary",
        "minutes": 10,
        "timing": "",
        "summary": "Prepare a few ways of saying “no” or “not now” that you can reach for when a request lands.",
        "why": (
            "If you tend to say yes before you have had time to think, a ready-made phrase gives "
            "you a pause. Saying no to one thing makes room for what matters more, including your "
            "own recovery. Clear, polite refusals are part of assertive communication, a skill that "
            "can be learned like any other."
        ),
        "sources": [CCI_ASSERTIVENESS],
        "steps": [
            "Recall a recent request you agreed to but wish you hadn't. Notice what made saying no feel hard.",
            "Write a pause phrase you can use straight away, such as: “Let me check what I have on and get back to you.”",
            "Write a clear no: “Thank you for thinking of me. I can't take this on right now.”",
            "Write a “not now”: “I can't this week, but I could look at it at the start of next month.”",
            "If you want one, write a partial yes: “I can't lead it, but I'm happy to review the draft.”",
            "Read each one aloud until it feels familiar, and save them somewhere you can find them quickly.",
            "Next time a request arrives, use the pause phrase first and decide once you feel calmer.",
        ],
    },
    {
        "slug": "values-aligned-action",
        "title": "One values-aligned action",
        "kind": "reflection",
        "need": "clarity",
        "minutes": 10,
        "timing": "",
        "summary": "Choose one value that matters to you and one small action today that honours it.",
        "why": (
            "Ambition driven by pressure often serves other people's expectations more than your "
            "own. Values are what you care about rather than goals to tick off, and acting on them "
            "in small ways can bring a sense of meaning that does not depend on results. This idea "
            "is central to acceptance and commitment therapy (ACT)."
        ),
        "sources": [ACBS],
        "steps": [
            "Look through the list of values and pick one that feels true to you right now, not one you think you should choose.",
            "Write a sentence about why it matters to you.",
            "Think of one action that would honour it today and could take 15 minutes or less.",
            "Check that the action is about doing rather than achieving: a walk with a friend, rather than “get fitter”.",
            "Decide when and where you will do it.",
            "Afterwards, notice how it felt, whatever the outcome.",
        ],
    },
    {
        "slug": "sleep-wind-down",
        "title": "Sleep wind-down",
        "kind": "rest",
        "need": "rest",
        "minutes": 30,
        "timing": "",
        "summary": "A gentle half-hour routine to help your mind and body step down from the day before bed.",
        "why": (
            "A busy mind often carries the day's pressure straight into bed. A regular wind-down, "
            "with dimmer light, fewer screens and a way of parking unfinished thoughts, is part of "
            "common sleep advice. It will not fix every night, but it can make settling easier "
            "over time."
        ),
        "sources": [SLEEP_HYGIENE],
        "steps": [
            "Set a reminder for about 30 minutes before you plan to be in bed.",
            "Write down anything still on your mind, and the first task for tomorrow, so it is parked on paper.",
            "Put your phone and laptop away or out of reach, and dim the lights.",
            "Do something calm that you enjoy, such as reading, a warm shower, gentle stretching or quiet music.",
            "Keep your bedroom cool, dark and quiet if you can.",
            "In bed, try a few rounds of slow breathing with a longer out-breath.",
            "If you are still awake after a while and feeling frustrated, get up, do something calm in low light, and go back to bed when you feel sleepy.",
        ],
    },
    {
        "slug": "body-scan",
        "title": "Body scan",
        "kind": "grounding",
        "need": "rest",
        "minutes": 10,
        "timing": "",
        "summary": "Move your attention slowly through your body, noticing sensations without trying to change them.",
        "why": (
            "People who push hard often stop noticing tiredness and tension until they become "
            "overwhelming. The body scan, a core practice in many mindfulness courses, builds "
            "gentle attention to what your body is telling you. Many people find it restful, and "
            "over time it may help you notice early signs of strain."
        ),
        "sources": [BERKELEY_BODY_SCAN, NHS_MINDFULNESS],
        "steps": [
            "Lie down or sit comfortably, and close your eyes if that feels okay.",
            "Take a few natural breaths and feel the places where your body is supported.",
            "Bring your attention to your toes and feet. Notice warmth, pressure, tingling, or nothing at all.",
            "Slowly move your attention up through your legs, hips, belly, back, chest and shoulders.",
            "Continue down your arms to your hands, then up through your neck, face and head.",
            "When your mind wanders, which it will, gently bring it back to where you left off.",
            "Finish with a few breaths, noticing your whole body at once, then open your eyes slowly.",
        ],
    },
    {
        "slug": "communicating-a-need",
        "title": "Communicating a need",
        "kind": "communication",
        "need": "connection",
        "minutes": 15,
        "timing": "",
        "summary": "Put one need into clear, kind words so someone close to you can actually help.",
        "why": (
            "People who are used to coping alone often hope others will notice what they need, or "
            "never ask at all. Saying what you have noticed, how you feel and what would help makes "
            "it easier for others to respond. A clear request is not demanding; it gives people a "
            "real chance to support you."
        ),
        "sources": [CCI_ASSERTIVENESS],
        "steps": [
            "Pick one person and one need, for example more help at home or a quieter evening together.",
            "Choose a calm moment for the conversation, not the middle of a disagreement.",
            "Describe the situation in neutral words: “Over the last few weeks I've been working late most nights.”",
            "Say how it affects you: “I'm feeling worn out and a bit disconnected.”",
            "Make one specific request: “Could we keep Sunday evenings free to spend together?”",
            "Leave space for their answer, and listen to it with curiosity.",
            "If the answer is not what you hoped, ask what would be possible instead.",
        ],
    },
    {
        "slug": "pressure-or-interest",
        "title": "Pressure or interest?",
        "kind": "reflection",
        "need": "clarity",
        "minutes": 10,
        "timing": "",
        "summary": "Look at one goal and gently ask whether interest is pulling you or fear, guilt or proving yourself is pushing you.",
        "why": (
            "The same task can feel very different depending on what drives it. Noticing when "
            "pressure, rather than interest, is doing the pushing helps you understand why some "
            "work leaves you drained. This is not about giving up ambition; it is about choosing "
            "goals with more of you in them."
        ),
        "sources": [CCI_PERFECTIONISM],
        "steps": [
            "Write down one goal or task that is taking up a lot of your energy at the moment.",
            "Ask yourself: if nobody would ever know whether I did this, would I still want to?",
            "Ask: what am I afraid would happen if I did less of it, or did it less perfectly?",
            "Notice any “should”, “must” or “have to” in how you describe it.",
            "Give it a rough score from 1 (mostly interest) to 5 (mostly pressure).",
            "If the pressure is high, ask what a “good enough” version would look like.",
            "Note one thing about this goal that you genuinely enjoy or care about, if there is one.",
        ],
    },
    {
        "slug": "reach-out-to-one-person",
        "title": "Reach out to one person",
        "kind": "communication",
        "need": "connection",
        "minutes": 5,
        "timing": "",
        "summary": "Send one short, low-pressure message to someone you would like to feel closer to.",
        "why": (
            "When energy is low, keeping in touch is often the first thing to slip, and feeling cut "
            "off can make exhaustion heavier. Connecting with other people is one of the NHS's five "
            "steps to mental wellbeing. A small message asks very little of you or of them."
        ),
        "sources": [NHS_FIVE_STEPS],
        "steps": [
            "Think of someone you enjoy, or have lost touch with, who feels safe to contact.",
            "Write a short message that doesn't need a long reply, such as: “Thinking of you. How are things?”",
            "Let go of the urge to explain why it has been a while. A simple hello is enough.",
            "Send it, and let go of when or how they answer.",
            "If it feels right, suggest something small, like a call or a walk.",
        ],
    },
    {
        "slug": "asking-for-help",
        "title": "Asking for help",
        "kind": "communication",
        "need": "connection",
        "minutes": 10,
        "timing": "",
        "summary": "Choose one task to share or hand over, and ask for help in plain words.",
        "why": (
            "Many high achievers see asking for help as a weakness or a burden on others. Support "
            "from other people is widely recognised as an important buffer against stress. Asking "
            "for something specific makes it easier for people to say yes."
        ),
        "sources": [APA_STRESS],
        "steps": [
            "List what is on your plate this week.",
            "Circle one thing someone else could do, share or make easier, even in part.",
            "Think of who could help: a colleague, a manager, a friend, a family member or a service.",
            "Write a specific request with a clear what and when: “Could you take the Thursday call this week?”",
            "Ask. If they say no, thank them and consider asking someone else.",
            "Notice any guilt that comes up, and remind yourself that many people are glad to be asked.",
        ],
    },
    {
        "slug": "self-compassion-break",
        "title": "Self-compassion break",
        "kind": "micro-skill",
        "need": "connection",
        "minutes": 3,
        "timing": "",
        "summary": "A few kind sentences to say to yourself when you feel you are falling short.",
        "why": (
            "Self-criticism can feel like the thing that keeps you going, but it often adds to "
            "exhaustion. Self-compassion means treating yourself with the kindness you would offer "
            "a friend. This short practice, developed by Dr Kristin Neff, has three parts: noticing "
            "that this is hard, remembering that others struggle too, and offering yourself "
            "kindness."
        ),
        "sources": [SELF_COMPASSION],
        "steps": [
            "Notice a moment when you are being hard on yourself, and pause.",
            "Say to yourself: “This is a moment of difficulty,” or any words that feel natural.",
            "Remind yourself: “Other people feel like this too. I'm not alone in this.”",
            "If it feels okay, place a hand on your chest or somewhere comforting.",
            "Say something kind, as you would to a friend: “May I be patient with myself,” or “I'm doing what I can.”",
            "Take a breath and notice how you feel, without needing it to change.",
        ],
    },
    {
        "slug": "protect-one-hour",
        "title": "Protect one hour",
        "kind": "boundary",
        "need": "boundary",
        "minutes": 10,
        "timing": "",
        "summary": "Choose one hour this week that is for you, and protect it as you would an important meeting.",
        "why": (
            "When every hour is open to other people's requests, rest and your own priorities get "
            "pushed to the edges. Blocking out time in advance makes a boundary concrete and "
            "visible. Starting with a single hour keeps it realistic."
        ),
        "sources": [],
        "steps": [
            "Look at your week and find one hour that could realistically be yours.",
            "Decide what it is for: rest, a hobby, time with someone, or nothing at all.",
            "Put it in your calendar with a plain name, and show yourself as busy.",
            "Decide in advance what you will say if someone asks for that time, for example: “I'm not free then, but I could do 3pm.”",
            "Turn off notifications for the hour if you can.",
            "Afterwards, notice what made it easier or harder to keep, and choose your next hour.",
        ],
    },
    {
        "slug": "end-of-workday-shutdown",
        "title": "End-of-workday shutdown",
        "kind": "boundary",
        "need": "boundary",
        "minutes": 10,
        "timing": "",
        "summary": "A short routine that marks the end of work, so your evening is not spent half-working.",
        "why": (
            "Without a clear finish, work can spill into every evening, in your head if not on your "
            "screen. A consistent routine gives your mind a signal that work has stopped for today. "
            "Writing down loose ends can make it easier to leave them until tomorrow."
        ),
        "sources": [MAYO_BURNOUT],
        "steps": [
            "Set a finishing time, with a reminder ten minutes before it.",
            "Write down what you did today, including the small things.",
            "List any loose ends, with the first step for each one tomorrow.",
            "Close work apps, tabs and documents, and silence work notifications if you can.",
            "Say or write a closing phrase, such as “Done for today.”",
            "Do something that marks the change, such as a short walk, changing clothes or making a drink.",
        ],
    },
]

NOT_THERAPY = "Pacewise is a self-help tool and does not replace therapy or care from a qualified professional."

GP_FIRST = (
    "A good first step is to talk to your GP or family doctor, who can tell you what is available "
    "where you live, including free or low-cost options through your health service. In some "
    "places you can refer yourself to talking therapy services directly."
)

COVER = (
    "If you have health insurance, or an employee assistance programme through work, check what "
    "it covers and whether you need a referral first."
)

APPROACHES = [
    {
        "slug": "cbt",
        "name": "Cognitive behavioural therapy",
        "short_name": "CBT",
        "summary": "A structured, practical therapy that looks at how thoughts, feelings and actions affect each other, and tries out new ways of responding.",
        "helps_with": (
            "CBT has good evidence for depression and anxiety, and it is one of the most widely "
            "offered talking therapies for stress. It can help you notice thinking patterns that "
            "often sit behind pressure-driven ambition, such as all-or-nothing thinking, harsh "
            "self-criticism or a sense that nothing is ever quite enough. There are CBT-based "
            "approaches for perfectionism, and a specific form for sleep problems (CBT-I), which "
            "often go hand in hand with burnout. It focuses mainly on the present and on practical "
            "change, rather than exploring the past in depth."
        ),
        "sessions_like": (
            "Sessions are usually weekly or fortnightly and last around 50 to 60 minutes. A course "
            "is often somewhere between 6 and 20 sessions, depending on what you are working on and "
            "where you have it. Sessions tend to follow an agenda you agree together: you set goals, "
            "look closely at specific situations and plan small experiments to try, such as keeping "
            "a thought record or doing a task to a “good enough” standard. Practice between "
            "sessions is a central part of CBT. It is also offered in groups, online and as guided "
            "self-help with support from a practitioner."
        ),
        "finding": (
            f"{GP_FIRST} If you are looking privately, search your country's official register "
            "or professional association of psychologists, psychotherapists or counsellors; many "
            "let you filter for CBT. Before you start, check that the person is registered or "
            "licensed with a recognised body, ask about their training in CBT specifically, and ask "
            f"how many sessions they usually offer. {COVER} {NOT_THERAPY}"
        ),
    },
    {
        "slug": "act",
        "name": "Acceptance and commitment therapy",
        "short_name": "ACT",
        "summary": "A therapy that helps you make room for difficult thoughts and feelings while moving towards what matters to you.",
        "helps_with": (
            "ACT has a growing evidence base for anxiety, depression, long-term pain and "
            "work-related stress. Rather than trying to get rid of uncomfortable thoughts, it helps "
            "you relate to them differently, so they have less grip on what you do. This can be "
            "useful if your drive is powered by trying to avoid feelings such as fear of failure, "
            "guilt or not being good enough. ACT puts a lot of weight on clarifying your values, "
            "which can help you tell goals you care about apart from ones driven by pressure."
        ),
        "sessions_like": (
            "Individual sessions are usually weekly and last around 50 minutes, and a course is "
            "often somewhere between 8 and 16 sessions, though this varies. Alongside conversation, "
            "sessions often include short mindfulness exercises, metaphors and experiential "
            "exercises. You will usually explore your values and agree small, concrete steps "
            "towards them to try between sessions. ACT is also offered in groups and workplace "
            "programmes, and a number of self-help books are based on it."
        ),
        "finding": (
            f"{GP_FIRST} There is no separate licence for ACT: practitioners are usually "
            "psychologists, psychotherapists or counsellors with extra training. Search your "
            "country's official register or professional association for these professions, check "
            "the person's registration or licence, and ask what ACT training and supervision they "
            f"have had. {COVER} {NOT_THERAPY}"
        ),
    },
    {
        "slug": "mbct",
        "name": "Mindfulness-based cognitive therapy",
        "short_name": "MBCT",
        "summary": "A group course combining mindfulness practice with ideas from CBT, to help you step out of cycles of worry, rumination and low mood.",
        "helps_with": (
            "MBCT was developed to help people who have had repeated episodes of depression stay "
            "well, and it has good evidence for reducing the risk of relapse in that group. It is "
            "also used for stress and anxiety, and the closely related mindfulness-based stress "
            "reduction (MBSR) was designed for stress. If your mind keeps running on tasks and "
            "worries, it teaches a way of noticing thoughts without being swept along by them, and "
            "of spotting early signs of exhaustion. It is usually offered when you are well enough "
            "to take part in a group course, rather than during a crisis or a very severe episode; "
            "a practitioner can help you decide whether the timing is right."
        ),
        "sessions_like": (
            "MBCT is usually taught as an eight-week group course, meeting once a week for around "
            "two to two and a half hours, often with a longer day of practice part-way through. "
            "Between sessions you are asked to practise at home, usually with guided recordings, "
            "for around 30 to 45 minutes a day, which is a real commitment. Practices include the "
            "body scan, sitting meditation, mindful movement and a short “breathing space” for "
            "everyday moments. You are not expected to share more with the group than you want to."
        ),
        "finding": (
            f"{GP_FIRST} Many mindfulness courses, including apps and online classes, are not "
            "MBCT, so ask what a course is based on. Look for a teacher who has completed "
            "recognised MBCT teacher training and follows good-practice guidelines for mindfulness "
            "teachers; if you are dealing with depression, it helps if they are also a registered "
            "or licensed mental health professional. Your country's professional associations for "
            "psychologists and psychotherapists, or national mindfulness teacher networks, can be a "
            f"starting point. {COVER} {NOT_THERAPY}"
        ),
    },
    {
        "slug": "schema-psychodynamic",
        "name": "Schema therapy and psychodynamic therapy",
        "short_name": "Schema / psychodynamic",
        "summary": "Therapies that explore how long-standing patterns, often formed early in life, shape how you treat yourself and others today.",
        "helps_with": (
            "These approaches can help when pressure-driven ambition feels deeply rooted: for "
            "example, a lifelong sense that you have to earn your worth, unrelenting standards, or "
            "a harsh inner critic that shorter therapies have not shifted. Psychodynamic therapy "
            "has evidence for depression and some anxiety problems, and looks at how past "
            "experiences and unspoken feelings show up in the present. Schema therapy combines "
            "ideas from CBT, attachment theory and psychodynamic work; its strongest evidence is "
            "for long-standing personality-related difficulties, and it is increasingly used for "
            "patterns such as perfectionism and self-criticism, where research is still growing."
        ),
        "sessions_like": (
            "Sessions are usually weekly and last around 50 minutes. Short-term psychodynamic "
            "therapy often runs for around 16 to 20 sessions, while longer-term work can continue "
            "for a year or more. Schema therapy is often longer than CBT, commonly a year or more "
            "for deep-rooted patterns. Psychodynamic sessions tend to be less structured: you talk "
            "about what is on your mind, and the therapist helps you notice patterns, including in "
            "your relationship with them. Schema therapy is more active, using techniques such as "
            "imagery, chair work and letter writing, and may include some tasks between sessions."
        ),
        "finding": (
            f"{GP_FIRST} Privately, search your country's official register or professional "
            "association of psychologists or psychotherapists; psychodynamic therapists often "
            "belong to a psychoanalytic or psychodynamic professional body as well. Schema therapy "
            "has its own international training and certification, so ask whether a therapist is "
            "certified or in supervised training, and check their core registration or licence too. "
            "Because this work is often longer-term, ask early about the likely length and cost. "
            f"{COVER} {NOT_THERAPY}"
        ),
    },
    {
        "slug": "ipt",
        "name": "Interpersonal therapy",
        "short_name": "IPT",
        "summary": "A time-limited therapy that links how you feel to what is happening in your relationships and in big life changes.",
        "helps_with": (
            "IPT has good evidence for depression and is included in some national treatment "
            "guidelines for it. It focuses on four areas: conflict with people who matter to you, "
            "big life changes (such as a new role, a promotion, redundancy or becoming a parent), "
            "grief, and feeling isolated. It can help when burnout is tangled up with strain at "
            "work or at home, or with a change of role that has left you unsure where you stand. "
            "It focuses on the here and now rather than on the distant past."
        ),
        "sessions_like": (
            "IPT is usually a weekly course of around 12 to 16 sessions of about 50 minutes. Early "
            "sessions look at how your mood has changed and map out the important relationships in "
            "your life, and you agree one or two focus areas with your therapist. Later sessions "
            "work on those areas: for example, practising how to raise a difficult subject, "
            "adjusting to a new role or building more support. The final sessions review what has "
            "changed and how to keep it going. There is less formal homework than in CBT, but you "
            "will usually try things out between sessions."
        ),
        "finding": (
            f"{GP_FIRST} IPT is less widely offered than CBT, so it can help to ask for it by "
            "name. Privately, search your country's official register or professional association "
            "of psychologists, psychotherapists or counsellors, check the person's registration or "
            "licence, and ask whether they have completed recognised IPT training and receive "
            f"supervision in it. {COVER} {NOT_THERAPY}"
        ),
    },
    {
        "slug": "somatic-approaches",
        "name": "Somatic and body-based approaches",
        "short_name": "Somatic",
        "summary": "Approaches that work with physical sensations, breathing, posture and movement, as well as thoughts and feelings.",
        "helps_with": (
            "Burnout and long-term stress are often felt in the body: tension, shallow breathing, "
            "trouble switching off, or difficulty sensing when you are tired. Body-based approaches "
            "aim to help you notice these signals earlier and help your body settle. The term "
            "covers a wide range of methods, and the research is smaller and more mixed than for "
            "CBT, ACT or IPT, although some elements, such as relaxation, slow breathing and "
            "mindful movement, have some evidence for reducing stress. Some somatic methods are "
            "used mainly for trauma, and many people use them alongside a talking therapy rather "
            "than instead of one."
        ),
        "sessions_like": (
            "Sessions vary a lot by method but are often weekly and last around 50 to 60 minutes. "
            "Alongside talking, you might be guided to notice sensations in your body, slow your "
            "breathing, try small movements or practise grounding. A good practitioner goes at your "
            "pace, checks in with you often and explains what they suggest before you try it. Some "
            "methods involve touch: this should only ever happen with your clear consent, and you "
            "can say no or change your mind at any time."
        ),
        "finding": (
            f"{GP_FIRST} Many somatic titles are not protected or regulated, so check that the "
            "practitioner is also registered or licensed as a psychologist, psychotherapist, "
            "counsellor or other health professional, using your country's official register or "
            "professional association. Ask about their training in the specific method, how they "
            f"work with touch, and what they do if a session becomes overwhelming. {COVER} "
            f"{NOT_THERAPY}"
        ),
    },
]

VALUES = [
    (
        "health",
        "Health",
        "Looking after your body and mind so they can carry you through the things you care about.",
    ),
    ("rest", "Rest", "Giving yourself real time to recover, without having to earn it first."),
    (
        "family",
        "Family",
        "Caring for and spending time with the people you call family, however you define it.",
    ),
    ("friendship", "Friendship", "Being a good friend, and letting your friends be good to you."),
    ("love", "Love", "Giving and receiving affection, closeness and care."),
    (
        "creativity",
        "Creativity",
        "Making, imagining or expressing things in your own way, for their own sake.",
    ),
    (
        "curiosity",
        "Curiosity",
        "Exploring, asking questions and staying open to what you don't know yet.",
    ),
    (
        "learning",
        "Learning",
        "Growing your understanding and skills because they interest you, not to prove anything.",
    ),
    (
        "honesty",
        "Honesty",
        "Being truthful with others and with yourself, including about how you are really doing.",
    ),
    (
        "kindness",
        "Kindness",
        "Being warm, generous and considerate, towards others and towards yourself.",
    ),
    (
        "compassion",
        "Compassion",
        "Meeting difficulty, yours or someone else's, with understanding rather than judgement.",
    ),
    ("fairness", "Fairness", "Treating people justly and standing up for what is fair."),
    (
        "courage",
        "Courage",
        "Doing what matters to you even when it feels uncomfortable or uncertain.",
    ),
    (
        "adventure",
        "Adventure",
        "Seeking out new experiences, places and challenges that excite you.",
    ),
    (
        "independence",
        "Independence",
        "Making your own choices and shaping your life on your own terms.",
    ),
    ("community", "Community", "Belonging to, and taking part in, something bigger than yourself."),
    (
        "contribution",
        "Contribution",
        "Making a positive difference to others, in ways large or small.",
    ),
    ("craft", "Craft", "Taking care over doing something well, at a pace that lets you enjoy it."),
    ("calm", "Calm", "Having room for quiet, steadiness and ease in your days."),
    ("play", "Play", "Doing things just for fun, with no goal or outcome attached."),
    ("nature", "Nature", "Spending time outdoors and feeling connected to the natural world."),
    (
        "spirituality",
        "Spirituality",
        "Connecting with meaning, faith or something larger than yourself, in whatever form fits you.",
    ),
    (
        "security",
        "Security",
        "Building a stable, safe foundation for yourself and the people you care about.",
    ),
    ("growth", "Growth", "Becoming more fully yourself over time, at a pace you can sustain."),
    ("humour", "Humour", "Seeing the lighter side of life and sharing laughter with others."),
    ("loyalty", "Loyalty", "Standing by the people and commitments that matter to you."),
    (
        "self-respect",
        "Self-respect",
        "Treating your own needs, limits and feelings as worth taking seriously.",
    ),
    (
        "balance",
        "Balance",
        "Giving the different parts of your life room, so no single one takes over.",
    ),
    (
        "presence",
        "Presence",
        "Being here for what is happening now, rather than always rushing on to what's next.",
    ),
    ("gratitude", "Gratitude", "Noticing and appreciating what is already good in your life."),
    (
        "beauty",
        "Beauty",
        "Making room for things you find beautiful, in art, places or everyday moments.",
    ),
    (
        "simplicity",
        "Simplicity",
        "Keeping life uncluttered, so there is room for what matters most.",
    ),
    ("patience", "Patience", "Letting things, and yourself, take the time they need."),
    (
        "authenticity",
        "Authenticity",
        "Being true to who you are, rather than who you think you should be.",
    ),
]


def seed(apps, schema_editor):
    Exercise = apps.get_model("resources", "Exercise")
    ExerciseStep = apps.get_model("resources", "ExerciseStep")
    TherapyApproach = apps.get_model("resources", "TherapyApproach")
    Value = apps.get_model("resources", "Value")

    Exercise.objects.bulk_create(
        Exercise(
            slug=row["slug"],
            title=row["title"],
            kind=row["kind"],
            need=row["need"],
            duration_minutes=row["minutes"],
            summary=row["summary"],
            why_it_helps=row["why"],
            timing_pattern=row["timing"],
            sources="\n".join(row["sources"]),
            is_published=True,
            order=order,
        )
        for order, row in enumerate(EXERCISES)
    )
    ids = dict(
        Exercise.objects.filter(slug__in=[row["slug"] for row in EXERCISES]).values_list(
            "slug", "id"
        )
    )
    ExerciseStep.objects.bulk_create(
        ExerciseStep(exercise_id=ids[row["slug"]], order=number, text=text)
        for row in EXERCISES
        for number, text in enumerate(row["steps"], start=1)
    )

    TherapyApproach.objects.bulk_create(
        TherapyApproach(
            slug=row["slug"],
            name=row["name"],
            short_name=row["short_name"],
            summary=row["summary"],
            helps_with=row["helps_with"],
            sessions_like=row["sessions_like"],
            finding_practitioner=row["finding"],
            is_published=True,
            order=order,
        )
        for order, row in enumerate(APPROACHES)
    )

    Value.objects.bulk_create(
        Value(slug=slug, name=name, description=description, is_published=True, order=order)
        for order, (slug, name, description) in enumerate(VALUES)
    )


def unseed(apps, schema_editor):
    # Deleting an exercise also deletes its steps (and any logs of it): both cascade.
    apps.get_model("resources", "Exercise").objects.filter(
        slug__in=[row["slug"] for row in EXERCISES]
    ).delete()
    apps.get_model("resources", "TherapyApproach").objects.filter(
        slug__in=[row["slug"] for row in APPROACHES]
    ).delete()
    apps.get_model("resources", "Value").objects.filter(
        slug__in=[row[0] for row in VALUES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("resources", "0003_exercises_approaches_values")]

    operations = [migrations.RunPython(seed, unseed)]
