#!/usr/bin/env python3
"""Generate Cyd's demo programme, data/demo/demo.xml.

Two fictional Welsh county borough councils, Cwm Aran and Bryn Derw, merge
their social services directorates into one joint directorate on 1 April
2014, with the Bae Aran health board as a partner.  Everything here is
invented: councils, people, posts and money.

Deterministic: a fixed seed and the standard library only, so running it
again writes the same bytes.  Usage: make-demo.py [-o FILE]
"""

import argparse
import datetime as dt
import math
import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

SEED = 20140131
AS_AT = '2014-01-31'
MERGE = '2014-04-01'        # one management team and Director in place
REABLE = '2014-07-01'       # integrated reablement with the health board

rng = random.Random(SEED)


# ------------------------------------------------------------------ values

def money(pence):
    """Integer pence to the file's form: 78500, 882000.50, -12.07."""
    sign = '-' if pence < 0 else ''
    pounds, p = divmod(abs(pence), 100)
    return f'{sign}{pounds}' if p == 0 else f'{sign}{pounds}.{p:02d}'


def fte(tenk):
    """Integer ten-thousandths to the file's form: 1, 0.5, 0.6."""
    if tenk == 10000:
        return '1'
    assert 0 < tenk < 10000
    return ('0.%04d' % tenk).rstrip('0')


def day(s):
    return dt.date.fromisoformat(s)


def iso(d):
    return d.isoformat()


def minus_day(s):
    return iso(day(s) - dt.timedelta(days=1))


def rand_date(lo, hi):
    a, b = day(lo), day(hi)
    return iso(a + dt.timedelta(days=rng.randrange((b - a).days + 1)))


def weekday_on_or_after(s):
    d = day(s)
    while d.weekday() > 4:
        d += dt.timedelta(days=1)
    return iso(d)


# ------------------------------------------------------------ organisations

COUNCILS = [
    ('CWA', 142318, None,
     'Cwm Aran County Borough Council', 'Cyngor Bwrdeistref Sirol Cwm Aran'),
    ('BRD', 117904, None,
     'Bryn Derw County Borough Council', 'Cyngor Bwrdeistref Sirol Bryn Derw'),
    ('BAUHB', None, 'health-board',
     'Bae Aran University Health Board', 'Bwrdd Iechyd Prifysgol Bae Aran'),
]

DIRECTORATES = [
    ('CWA-SS', 'legacy', 'CWA',
     'Social Services Directorate', 'Cyfarwyddiaeth Gwasanaethau Cymdeithasol'),
    ('BRD-SS', 'legacy', 'BRD',
     'Community and Social Services Directorate',
     'Cyfarwyddiaeth Gwasanaethau Cymunedol a Chymdeithasol'),
    ('JNT-SS', 'merged', None,
     'Cwm Aran and Bryn Derw Joint Social Services',
     'Gwasanaethau Cymdeithasol ar y Cyd Cwm Aran a Bryn Derw'),
]
PREFIX = {'CWA-SS': 'CWA', 'BRD-SS': 'BRD', 'JNT-SS': 'JNT'}

# code, parent, delivery, en, cy, stages, post-code abbreviation
SERVICE_LINES = [
    ('MGMT', None, 'in-house', 'Directorate Management', "Rheoli'r Gyfarwyddiaeth",
     [('separate', '2013-04-01'), ('aligned', '2013-10-01'), ('integrated', MERGE)], 'DIR'),
    ('ADULTS', None, 'in-house', 'Adult Services', 'Gwasanaethau Oedolion',
     [('separate', '2013-04-01'), ('aligned', '2013-10-01'), ('integrated', MERGE)], 'ADU'),
    ('ADU-LD', 'ADULTS', 'in-house', 'Learning Disabilities', 'Anableddau Dysgu',
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', '2015-10-01')], 'LD'),
    ('ADU-MH', 'ADULTS', 'jointly-commissioned', 'Mental Health', 'Iechyd Meddwl',
     [('separate', '2013-04-01'), ('aligned', '2013-10-01'), ('integrated', MERGE)], 'MH'),
    ('ADU-OP', 'ADULTS', 'in-house', 'Older People', 'Pobl Hŷn',
     [('separate', '2013-04-01'), ('aligned', '2014-01-06'), ('integrated', MERGE)], 'OP'),
    ('ADU-PD', 'ADULTS', 'in-house', 'Physical Disabilities and Sensory Impairment',
     'Anableddau Corfforol a Nam ar y Synhwyrau',
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', '2014-10-01')], 'PD'),
    ('ADU-REA', 'ADULTS', 'jointly-commissioned', 'Reablement', 'Ailalluogi',
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', REABLE)], 'REA'),
    ('CHILDREN', None, 'in-house', "Children's Services", 'Gwasanaethau Plant',
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', '2015-04-01')], 'CHI'),
    ('CHI-SAFE', 'CHILDREN', 'in-house', 'Safeguarding', 'Diogelu',
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', '2015-04-01')], 'SAFE'),
    ('CHI-LAC', 'CHILDREN', 'in-house', 'Looked After Children', "Plant sy'n Derbyn Gofal",
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', '2015-04-01')], 'LAC'),
    ('CHI-FAM', 'CHILDREN', 'in-house', 'Family Support', 'Cymorth i Deuluoedd',
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', '2015-04-01')], 'FAM'),
    ('CHI-FOST', 'CHILDREN', 'in-house', 'Fostering and Adoption', 'Maethu a Mabwysiadu',
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', '2014-10-01')], 'FOS'),
    ('COMMISS', None, None, 'Commissioning', 'Comisiynu',
     [('separate', '2013-04-01'), ('aligned', '2013-07-01'), ('integrated', MERGE)], 'COM'),
    ('COM-DOM', 'COMMISS', 'commissioned', 'Domiciliary Care', 'Gofal Cartref',
     [('separate', '2013-04-01'), ('aligned', MERGE), ('integrated', '2015-04-01')], 'DOM'),
    ('COM-RES', 'COMMISS', 'commissioned', 'Residential and Nursing Care',
     'Gofal Preswyl a Nyrsio',
     [('separate', '2013-04-01'), ('aligned', '2013-07-01'), ('integrated', MERGE)], 'RES'),
    ('BUSINESS', None, None, 'Business Support', 'Cymorth Busnes',
     [('separate', '2013-04-01'), ('aligned', '2013-10-01'), ('integrated', MERGE)], 'BUS'),
]
SL = {s[0]: s for s in SERVICE_LINES}

# ------------------------------------------------------------------- roles

# key: (English title, Welsh title, level)
ROLES = {
    'SW': ('Social Worker', 'Gweithiwr Cymdeithasol', 8),
    'SP': ('Senior Practitioner', 'Uwch Ymarferydd', 9),
    'CM': ('Care Manager', 'Rheolwr Gofal', 8),
    'DSO': ('Day Services Officer', 'Swyddog Gwasanaethau Dydd', 6),
    'SUPW': ('Support Worker', 'Gweithiwr Cymorth', 5),
    'AMHP': ('Approved Mental Health Professional',
             'Gweithiwr Proffesiynol Iechyd Meddwl Cymeradwy', 9),
    'CSW': ('Community Support Worker', 'Gweithiwr Cymorth Cymunedol', 6),
    'HSW': ('Hospital Social Worker', 'Gweithiwr Cymdeithasol Ysbyty', 8),
    'SIO': ('Sensory Impairment Officer', 'Swyddog Nam ar y Synhwyrau', 7),
    'OT': ('Occupational Therapist', 'Therapydd Galwedigaethol', 8),
    'OTA': ('Occupational Therapy Assistant', 'Cynorthwyydd Therapi Galwedigaethol', 6),
    'EAO': ('Equipment and Adaptations Officer', 'Swyddog Offer ac Addasiadau', 7),
    'SRO': ('Senior Reablement Officer', 'Uwch Swyddog Ailalluogi', 7),
    'RSW': ('Reablement Support Worker', 'Gweithiwr Cymorth Ailalluogi', 5),
    'RCO': ('Reablement Co-ordinator', 'Cydlynydd Ailalluogi', 8),
    'OTR': ('Occupational Therapist (Reablement)', 'Therapydd Galwedigaethol (Ailalluogi)', 8),
    'IRO': ('Independent Reviewing Officer', 'Swyddog Adolygu Annibynnol', 9),
    'EDSW': ('Emergency Duty Social Worker', 'Gweithiwr Cymdeithasol Dyletswydd Brys', 9),
    'PAD': ('Personal Adviser (Leaving Care)', 'Cynghorydd Personol (Gadael Gofal)', 7),
    'SRCW': ('Senior Residential Child Care Worker', 'Uwch Weithiwr Gofal Plant Preswyl', 7),
    'RCW': ('Residential Child Care Worker', 'Gweithiwr Gofal Plant Preswyl', 5),
    'FSW': ('Family Support Worker', 'Gweithiwr Cymorth i Deuluoedd', 6),
    'FOSW': ('Fostering Social Worker', 'Gweithiwr Cymdeithasol Maethu', 8),
    'ADSW': ('Adoption Social Worker', 'Gweithiwr Cymdeithasol Mabwysiadu', 8),
    'PPA': ('Family Placement Panel Adviser', 'Cynghorydd Panel Lleoli Teuluol', 9),
    'TRC': ('Transition Co-ordinator', 'Cydlynydd Pontio', 8),
    'SMW': ('Substance Misuse Worker', 'Gweithiwr Camddefnyddio Sylweddau', 7),
    'LACE': ('Looked After Children Education Co-ordinator',
             "Cydlynydd Addysg Plant sy'n Derbyn Gofal", 8),
    'CON': ('Contracts Officer', 'Swyddog Contractau', 8),
    'COMO': ('Commissioning Officer', 'Swyddog Comisiynu', 8),
    'BRK': ('Care Brokerage Officer', 'Swyddog Trefnu Gofal', 6),
    'PLO': ('Placements Officer', 'Swyddog Lleoliadau', 7),
    'ADM': ('Administrative Officer', 'Swyddog Gweinyddol', 4),
    'BSO': ('Business Support Officer', 'Swyddog Cymorth Busnes', 6),
    'FIN': ('Finance Officer', 'Swyddog Cyllid', 6),
    'SYS': ('Systems Officer (Client Records)', 'Swyddog Systemau (Cofnodion Cleientiaid)', 6),
    'PERF': ('Performance Officer', 'Swyddog Perfformiad', 7),
    'TRN': ('Training Officer', 'Swyddog Hyfforddi', 7),
    'WDA': ('Workforce Development Assistant', "Cynorthwyydd Datblygu'r Gweithlu", 5),
    'PA': ('Personal Assistant to the Director', "Cynorthwyydd Personol i'r Cyfarwyddwr", 6),
    'IGO': ('Information Governance Officer', 'Swyddog Llywodraethu Gwybodaeth', 7),
}

# team functions: key -> (service line, English, Welsh)
FUNCS = {
    'LD-COM': ('ADU-LD', 'Community Learning Disabilities', 'Anableddau Dysgu Cymunedol'),
    'LD-DAY': ('ADU-LD', 'Day Services', 'Gwasanaethau Dydd'),
    'MH-CMHT': ('ADU-MH', 'Community Mental Health', 'Iechyd Meddwl Cymunedol'),
    'MH-SUP': ('ADU-MH', 'Mental Health Support', 'Cymorth Iechyd Meddwl'),
    'OP-ASSESS': ('ADU-OP', 'Older People Assessment', 'Asesu Pobl Hŷn'),
    'OP-HOSP': ('ADU-OP', 'Hospital Social Work', 'Gwaith Cymdeithasol mewn Ysbytai'),
    'PD-SENS': ('ADU-PD', 'Physical Disabilities and Sensory',
                "Anableddau Corfforol a'r Synhwyrau"),
    'PD-OT': ('ADU-PD', 'Occupational Therapy', 'Therapi Galwedigaethol'),
    'REA': ('ADU-REA', 'Reablement', 'Ailalluogi'),
    'CS-IA': ('CHI-SAFE', 'Intake and Assessment', 'Derbyn ac Asesu'),
    'CS-CP': ('CHI-SAFE', 'Child Protection', 'Amddiffyn Plant'),
    'CS-EDT': ('CHI-SAFE', 'Emergency Duty', 'Dyletswydd Brys'),
    'LAC': ('CHI-LAC', 'Looked After Children', "Plant sy'n Derbyn Gofal"),
    'LAC-LC': ('CHI-LAC', 'Leaving Care', 'Gadael Gofal'),
    'LAC-RES': ('CHI-LAC', 'Residential Care', 'Gofal Preswyl'),
    'FAM': ('CHI-FAM', 'Family Support', 'Cymorth i Deuluoedd'),
    'FAM-DIS': ('CHI-FAM', 'Disabled Children', 'Plant Anabl'),
    'FOST': ('CHI-FOST', 'Fostering', 'Maethu'),
    'ADOPT': ('CHI-FOST', 'Adoption', 'Mabwysiadu'),
    'COM-DOM': ('COM-DOM', 'Domiciliary Care Brokerage', 'Trefnu Gofal Cartref'),
    'COM-RES': ('COM-RES', 'Residential Placements', 'Lleoliadau Preswyl'),
    'BUS-ADM': ('BUSINESS', 'Administration', 'Gweinyddu'),
    'BUS-FIN': ('BUSINESS', 'Finance and Systems', 'Cyllid a Systemau'),
}

LOCALITIES = {
    'CWA-SS': [('North', 'Gogledd'), ('South', 'De')],
    'BRD-SS': [('East', 'Dwyrain'), ('West', 'Gorllewin')],
    'JNT-SS': [('North', 'Gogledd'), ('South', 'De'), ('East', 'Dwyrain'),
               ('West', 'Gorllewin'), ('Central', 'Canol'), ('Valleys', 'Cymoedd')],
}

# Pay: level -> annual salary points (full time, pounds, 2013-14).
PAY = {
    4: [16215, 16604, 16998],
    5: [17372, 17714, 18376, 18746],
    6: [19126, 19621, 20198, 20858],
    7: [21519, 22221, 22958, 23708],
    8: [26276, 27123, 27849, 28636, 29558],
    9: [30311, 31160, 32072, 32800],
    11: [36313, 37206, 38042, 38961],
    13: [44269, 45617, 46962, 48308],
    15: [66000, 68750, 71500],
    17: [98500, 102000, 105500],
}
BRD_GRADES = {4: 'Scale 3', 5: 'Scale 4', 6: 'Scale 6', 7: 'SO1', 8: 'SO2', 9: 'PO1',
              11: 'PO3', 13: 'PO6', 15: 'CO3', 17: 'CO1'}
PENSION = {'CWA': 0.214, 'BRD': 0.229}     # employer's LGPS rate
NI_RATE, NI_THRESHOLD = 0.138, 7696       # employer's NI, 2013-14
POST_ONCOST = {'CWA-SS': 0.285, 'BRD-SS': 0.295, 'JNT-SS': 0.29}
PAY_AWARD_2014 = 1.01


def grade(directorate, level):
    if directorate == 'BRD-SS':
        return BRD_GRADES[level]
    return {15: 'HoS', 17: 'Director'}.get(level, f'Grade {level}')


def post_cost(directorate, level, tenk):
    mid = sum(PAY[level]) / len(PAY[level])
    if directorate == 'JNT-SS':
        mid *= PAY_AWARD_2014
    return round(mid * 100 * (1 + POST_ONCOST[directorate]) * tenk / 10000)


def on_costs(employer, salary_p):
    ni = max(0, salary_p - NI_THRESHOLD * 100) * NI_RATE
    return round(salary_p * PENSION[employer] + ni)


# ------------------------------------------------------------------- posts

class Post:
    def __init__(self, directorate, sl, en, cy, level, reports_to=None, fte_=10000,
                 func=None, role=None, key=None, manager=False):
        self.directorate, self.sl, self.en, self.cy = directorate, sl, en, cy
        self.level, self.reports_to, self.fte, self.func, self.role = level, reports_to, fte_, func, role
        self.key, self.manager = key, manager
        self.code = None
        self.est_from = self.est_to = None
        self.also = []
        self.maps = []          # (post, method, effective)
        self.vacant = False
        self.cost = post_cost(directorate, level, fte_)
        self.grade = grade(directorate, level)
        self.holders = []       # people holding it at the merge


POSTS = []
BY_KEY = {}


def new_post(*a, **kw):
    p = Post(*a, **kw)
    POSTS.append(p)
    if p.key:
        assert p.key not in BY_KEY, p.key
        BY_KEY[p.key] = p
    return p


def practitioners(d, boss, sl, func, counts, part_time=0.06):
    out = []
    for role, n in counts.items():
        en, cy, level = ROLES[role]
        for _ in range(n):
            tenk = 10000
            if level <= 8 and rng.random() < part_time:
                tenk = rng.choice([5000, 6000])
            out.append(new_post(d, sl, en, cy, level, boss, tenk, func=func, role=role))
    return out


def team(d, boss, func, counts, locality=None, nested=None):
    sl, en, cy = FUNCS[func]
    if locality:
        en, cy = f'{en} ({locality[0]})', f'{cy} ({locality[1]})'
    tm = new_post(d, sl, f'Team Manager, {en}', f'Rheolwr Tîm, {cy}', 11, boss,
                  func=func, role='TM', manager=True)
    practitioners(d, tm, sl, func, counts)
    if nested:                      # a sixth layer: seniors who manage workers
        lead, worker, sizes = nested
        for n in sizes:
            en_, cy_, lv = ROLES[lead]
            s = new_post(d, sl, en_, cy_, lv, tm, func=func, role=lead, manager=True)
            practitioners(d, s, sl, func, {worker: n})
    return tm


def teams(d, boss, func, sizes, nested=None):
    locs = LOCALITIES[d]
    for i, counts in enumerate(sizes):
        team(d, boss, func, counts, locs[i] if len(sizes) > 1 else None,
             nested[i] if nested else None)


def sm(d, boss, sl, en, cy, key, title_en=None, title_cy=None):
    return new_post(d, sl, title_en or f'Service Manager, {en}',
                    title_cy or f'Rheolwr Gwasanaeth, {cy}', 13, boss, key=key, manager=True)


def direct(d, boss, sl, func, counts):
    practitioners(d, boss, sl, func, counts, part_time=0)


def build_cwa():
    d = 'CWA-SS'
    dr = new_post(d, 'MGMT', 'Director of Social Services', 'Cyfarwyddwr Gwasanaethau Cymdeithasol',
                  17, key='CWA-DIR', manager=True)
    new_post(d, 'MGMT', *ROLES['PA'][:2], 6, dr, func='D-DIR', role='PA', key='CWA-PA')
    pm = new_post(d, 'MGMT', 'Integration Programme Manager', 'Rheolwr Rhaglen Integreiddio', 13, dr,
                  key='CWA-PM')
    pm.est_from = '2013-06-01'

    ha = new_post(d, 'ADULTS', 'Head of Adult Services', 'Pennaeth Gwasanaethau Oedolion', 15, dr,
                  key='CWA-HOS-ADU', manager=True)
    s = sm(d, ha, 'ADU-LD', 'Learning Disabilities', 'Anableddau Dysgu', 'CWA-SM-ADU-LD')
    teams(d, s, 'LD-COM', [{'SW': 4, 'CM': 2}])
    teams(d, s, 'LD-DAY', [{'DSO': 1, 'SUPW': 5}, {'DSO': 1, 'SUPW': 4}])
    s = sm(d, ha, 'ADU-MH', 'Mental Health', 'Iechyd Meddwl', 'CWA-SM-ADU-MH')
    teams(d, s, 'MH-CMHT', [{'AMHP': 2, 'SW': 5}])
    teams(d, s, 'MH-SUP', [{'CSW': 6}])
    direct(d, s, 'ADU-MH', 'D-ADU-MH', {'SP': 1})
    s = sm(d, ha, 'ADU-OP', 'Older People', 'Pobl Hŷn', 'CWA-SM-ADU-OP')
    teams(d, s, 'OP-ASSESS', [{'SW': 4, 'CM': 3}, {'SW': 4, 'CM': 3}])
    teams(d, s, 'OP-HOSP', [{'HSW': 6}])
    s = sm(d, ha, 'ADU-PD', 'Physical Disabilities and Sensory Impairment',
           'Anableddau Corfforol a Nam ar y Synhwyrau', 'CWA-SM-ADU-PD')
    teams(d, s, 'PD-SENS', [{'SW': 3, 'SIO': 2}])
    teams(d, s, 'PD-OT', [{'OT': 5, 'OTA': 3}])
    direct(d, s, 'ADU-PD', 'D-ADU-PD', {'EAO': 1})
    s = sm(d, ha, 'ADU-REA', 'Reablement', 'Ailalluogi', 'CWA-SM-ADU-REA')
    teams(d, s, 'REA', [{}, {}], nested=[('SRO', 'RSW', [6, 5, 6]), ('SRO', 'RSW', [6, 6, 5])])
    direct(d, s, 'ADU-REA', 'D-ADU-REA', {'RCO': 1})

    hc = new_post(d, 'CHILDREN', "Head of Children's Services", 'Pennaeth Gwasanaethau Plant', 15, dr,
                  key='CWA-HOS-CHI', manager=True)
    s = sm(d, hc, 'CHI-SAFE', 'Safeguarding', 'Diogelu', 'CWA-SM-CHI-SAFE')
    teams(d, s, 'CS-IA', [{'SP': 1, 'SW': 7}])
    teams(d, s, 'CS-CP', [{'SP': 1, 'SW': 7}])
    direct(d, s, 'CHI-SAFE', 'D-CHI-SAFE', {'IRO': 3})
    s = sm(d, hc, 'CHI-LAC', 'Looked After Children', "Plant sy'n Derbyn Gofal", 'CWA-SM-CHI-LAC')
    teams(d, s, 'LAC', [{'SP': 1, 'SW': 7}])
    teams(d, s, 'LAC-LC', [{'PAD': 5}])
    teams(d, s, 'LAC-RES', [{}], nested=[('SRCW', 'RCW', [3, 3, 3])])
    s = sm(d, hc, 'CHI-FAM', 'Family Support', 'Cymorth i Deuluoedd', 'CWA-SM-CHI-FAM')
    teams(d, s, 'FAM', [{'FSW': 8}])
    teams(d, s, 'FAM-DIS', [{'SW': 4}])
    direct(d, s, 'CHI-FAM', 'D-CHI-FAM', {'SP': 1})
    s = sm(d, hc, 'CHI-FOST', 'Fostering and Adoption', 'Maethu a Mabwysiadu', 'CWA-SM-CHI-FOST')
    teams(d, s, 'FOST', [{'FOSW': 6}])
    teams(d, s, 'ADOPT', [{'ADSW': 3}])
    direct(d, s, 'CHI-FOST', 'D-CHI-FOST', {'PPA': 1})

    hb = new_post(d, 'COMMISS', 'Head of Commissioning and Business Support',
                  'Pennaeth Comisiynu a Chymorth Busnes', 15, dr, key='CWA-HOS-CBS', manager=True)
    cm = new_post(d, 'COMMISS', 'Commissioning Manager', 'Rheolwr Comisiynu', 13, hb,
                  key='CWA-COMM', manager=True)
    teams(d, cm, 'COM-DOM', [{'BRK': 5}])
    teams(d, cm, 'COM-RES', [{'PLO': 3}])
    direct(d, cm, 'COMMISS', 'D-COMM', {'CON': 2, 'COMO': 1})
    bm = new_post(d, 'BUSINESS', 'Business Support Manager', 'Rheolwr Cymorth Busnes', 13, hb,
                  key='CWA-BSM', manager=True)
    teams(d, bm, 'BUS-ADM', [{'BSO': 2, 'ADM': 8}])
    teams(d, bm, 'BUS-FIN', [{'FIN': 3, 'SYS': 2}])
    direct(d, bm, 'BUSINESS', 'D-BSM', {'PERF': 2})
    wm = new_post(d, 'BUSINESS', 'Workforce Development Manager', "Rheolwr Datblygu'r Gweithlu", 13, hb,
                  key='CWA-WFD', manager=True)
    direct(d, wm, 'BUSINESS', 'D-WFD', {'TRN': 3, 'WDA': 1})


def build_brd():
    d = 'BRD-SS'
    dr = new_post(d, 'MGMT', 'Director of Community and Social Services',
                  'Cyfarwyddwr Gwasanaethau Cymunedol a Chymdeithasol', 17, key='BRD-DIR', manager=True)
    new_post(d, 'MGMT', *ROLES['PA'][:2], 6, dr, func='D-DIR', role='PA', key='BRD-PA')

    aa = new_post(d, 'ADULTS', 'Assistant Director, Adult Services',
                  'Cyfarwyddwr Cynorthwyol, Gwasanaethau Oedolion', 15, dr, key='BRD-AD-ADU', manager=True)
    s = sm(d, aa, 'ADU-LD', 'Learning Disabilities', 'Anableddau Dysgu', 'BRD-SM-ADU-LD')
    teams(d, s, 'LD-COM', [{'SW': 3, 'CM': 2}])
    teams(d, s, 'LD-DAY', [{'DSO': 1, 'SUPW': 5}])
    direct(d, s, 'ADU-LD', 'D-ADU-LD', {'TRC': 1})
    s = sm(d, aa, 'ADU-MH', 'Mental Health', 'Iechyd Meddwl', 'BRD-SM-ADU-MH')
    teams(d, s, 'MH-CMHT', [{'AMHP': 2, 'SW': 4}])
    teams(d, s, 'MH-SUP', [{'CSW': 5}])
    direct(d, s, 'ADU-MH', 'D-ADU-MH', {'SMW': 1})
    s = sm(d, aa, 'ADU-OP', 'Older People and Physical Disabilities',
           'Pobl Hŷn ac Anableddau Corfforol', 'BRD-SM-ADU-OP')
    teams(d, s, 'OP-ASSESS', [{'SW': 5, 'CM': 2}])
    teams(d, s, 'OP-HOSP', [{'HSW': 4}])
    teams(d, s, 'PD-SENS', [{'SW': 2, 'SIO': 1}])
    teams(d, s, 'PD-OT', [{'OT': 4, 'OTA': 2}])
    s = sm(d, aa, 'ADU-REA', 'Reablement', 'Ailalluogi', 'BRD-SM-ADU-REA')
    teams(d, s, 'REA', [{'SRO': 2, 'RSW': 8}])
    direct(d, s, 'ADU-REA', 'D-ADU-REA', {'RCO': 1, 'OTR': 1})

    ac = new_post(d, 'CHILDREN', "Assistant Director, Children's Services",
                  'Cyfarwyddwr Cynorthwyol, Gwasanaethau Plant', 15, dr, key='BRD-AD-CHI', manager=True)
    s = sm(d, ac, 'CHI-SAFE', 'Safeguarding', 'Diogelu', 'BRD-SM-CHI-SAFE')
    teams(d, s, 'CS-IA', [{'SP': 1, 'SW': 6}])
    teams(d, s, 'CS-CP', [{'SP': 1, 'SW': 5}])
    edt = team(d, s, 'CS-EDT', {'EDSW': 4})
    edt.key = 'BRD-TM-EDT'
    BY_KEY['BRD-TM-EDT'] = edt
    direct(d, s, 'CHI-SAFE', 'D-CHI-SAFE', {'IRO': 2})
    s = sm(d, ac, 'CHI-LAC', 'Looked After Children', "Plant sy'n Derbyn Gofal", 'BRD-SM-CHI-LAC')
    teams(d, s, 'LAC', [{'SP': 1, 'SW': 6}])
    teams(d, s, 'LAC-LC', [{'PAD': 4}])
    direct(d, s, 'CHI-LAC', 'D-CHI-LAC', {'LACE': 1})
    s = sm(d, ac, 'CHI-FAM', 'Family Support and Placements', 'Cymorth i Deuluoedd a Lleoliadau',
           'BRD-SM-CHI-FAM')
    teams(d, s, 'FAM', [{'FSW': 7}])
    teams(d, s, 'FAM-DIS', [{'SW': 4}])
    teams(d, s, 'FOST', [{'FOSW': 5}])

    hb = new_post(d, 'BUSINESS', 'Head of Business Support', 'Pennaeth Cymorth Busnes', 15, dr,
                  key='BRD-HOS-BUS', manager=True)
    teams(d, hb, 'BUS-ADM', [{'BSO': 1, 'ADM': 7}])
    teams(d, hb, 'BUS-FIN', [{'FIN': 2, 'SYS': 1}])
    cm = new_post(d, 'COMMISS', 'Commissioning and Contracts Manager', 'Rheolwr Comisiynu a Chontractau',
                  13, hb, key='BRD-COMM', manager=True)
    direct(d, cm, 'COMMISS', 'D-COMM', {'CON': 2})
    direct(d, cm, 'COM-DOM', 'COM-DOM', {'BRK': 3})
    direct(d, cm, 'COM-RES', 'COM-RES', {'PLO': 2})
    direct(d, hb, 'BUSINESS', 'D-WFD', {'TRN': 2})


# -------------------------------------------------- the merged directorate

CAP = {'REA': 10, 'LD-DAY': 10, 'LAC-RES': 10, 'BUS-ADM': 10}


def build_jnt(deleted):
    d = 'JNT-SS'
    legacy = [p for p in POSTS if p.directorate != d]
    dr = new_post(d, 'MGMT', 'Director of Social Services', 'Cyfarwyddwr Gwasanaethau Cymdeithasol',
                  17, key='JNT-DIR', manager=True)
    new_post(d, 'MGMT', *ROLES['PA'][:2], 6, dr, func='D-DIR', role='PA', key='JNT-PA')
    pm = new_post(d, 'MGMT', 'Integration Programme Manager', 'Rheolwr Rhaglen Integreiddio', 13, dr,
                  key='JNT-PM')
    pm.est_to = '2016-03-31'
    heads = {
        'ADULTS': new_post(d, 'ADULTS', 'Head of Adult Services', 'Pennaeth Gwasanaethau Oedolion',
                           15, dr, key='JNT-HOS-ADU', manager=True),
        'CHILDREN': new_post(d, 'CHILDREN', "Head of Children's Services", 'Pennaeth Gwasanaethau Plant',
                             15, dr, key='JNT-HOS-CHI', manager=True),
        'COMMISS': new_post(d, 'COMMISS', 'Head of Commissioning and Business Support',
                            'Pennaeth Comisiynu a Chymorth Busnes', 15, dr, key='JNT-HOS-CBS', manager=True),
    }
    bosses = {'D-DIR': dr}
    for slc in ('ADU-LD', 'ADU-MH', 'ADU-OP', 'ADU-PD', 'ADU-REA',
                'CHI-SAFE', 'CHI-LAC', 'CHI-FAM', 'CHI-FOST'):
        s = SL[slc]
        bosses['SM:' + slc] = sm(d, heads[s[1]], slc, s[3], s[4], 'JNT-SM-' + slc)
        bosses['D-' + slc] = bosses['SM:' + slc]
    hb = heads['COMMISS']
    bosses['D-COMM'] = new_post(d, 'COMMISS', 'Commissioning Manager', 'Rheolwr Comisiynu', 13, hb,
                                key='JNT-COMM', manager=True)
    bosses['D-BSM'] = new_post(d, 'BUSINESS', 'Business Support Manager', 'Rheolwr Cymorth Busnes', 13, hb,
                               key='JNT-BSM', manager=True)
    bosses['D-WFD'] = new_post(d, 'BUSINESS', 'Workforce Development Manager', "Rheolwr Datblygu'r Gweithlu",
                               13, hb, key='JNT-WFD', manager=True)
    for f in FUNCS:
        bosses['SM:' + f] = bosses['D-COMM'] if f.startswith('COM') else \
            bosses['D-BSM'] if f.startswith('BUS') else bosses['SM:' + FUNCS[f][0]]

    counterpart = {}
    # frontline: every legacy practitioner post that is not deleted gets a
    # counterpart; teams are re-formed at up to CAP per team manager.
    for f in FUNCS:
        src = [p for p in legacy if p.func == f and p.role != 'TM' and p not in deleted]
        src.sort(key=lambda p: (-p.level, p.role, p.directorate))
        n_teams = max(1, math.ceil(len(src) / CAP.get(f, 9)))
        locs = LOCALITIES[d]
        tms = []
        for i in range(n_teams):
            sl, en, cy = FUNCS[f]
            if n_teams > 1:
                en, cy = f'{en} ({locs[i][0]})', f'{cy} ({locs[i][1]})'
            tms.append(new_post(d, sl, f'Team Manager, {en}', f'Rheolwr Tîm, {cy}', 11,
                                bosses['SM:' + f], func=f, role='TM', manager=True))
        for i, p in enumerate(src):
            counterpart[p] = new_post(d, p.sl, p.en, p.cy, p.level, tms[i % n_teams], p.fte,
                                      func=f, role=p.role)
        old_tms = [p for p in legacy if p.func == f and p.role == 'TM']
        for i, p in enumerate(old_tms):
            counterpart[p] = tms[i % n_teams]
    for f in sorted({p.func for p in legacy if p.func and p.func.startswith('D-')}):
        for p in [q for q in legacy if q.func == f and q not in deleted]:
            if p.role == 'PA':
                continue
            counterpart[p] = new_post(d, p.sl, p.en, p.cy, p.level, bosses[f], p.fte, func=f, role=p.role)
    new_post(d, 'BUSINESS', *ROLES['IGO'][:2], 7, bosses['D-BSM'], func='D-BSM', role='IGO',
             key='JNT-IGO')                   # a new post, no legacy source
    for p in POSTS:
        if p.directorate == d and p.est_from is None:
            p.est_from = REABLE if p.sl == 'ADU-REA' else MERGE
    return counterpart


# ---------------------------------------------------------------- mapping

def map_posts(counterpart, deleted):
    K = BY_KEY
    fixed = {
        'CWA-DIR': ('JNT-DIR', 'open-competition'), 'BRD-DIR': ('JNT-DIR', 'open-competition'),
        'CWA-PA': ('JNT-PA', 'slot-in'), 'BRD-PA': ('JNT-PA', 'deleted'),
        'CWA-PM': ('JNT-PM', 'slot-in'),
        'CWA-HOS-ADU': ('JNT-HOS-ADU', 'open-competition'), 'BRD-AD-ADU': ('JNT-HOS-ADU', 'open-competition'),
        'CWA-HOS-CHI': ('JNT-HOS-CHI', 'open-competition'), 'BRD-AD-CHI': ('JNT-HOS-CHI', 'open-competition'),
        'CWA-HOS-CBS': ('JNT-HOS-CBS', 'slot-in'), 'BRD-HOS-BUS': ('JNT-HOS-CBS', 'deleted'),
        'CWA-COMM': ('JNT-COMM', 'ring-fenced'), 'BRD-COMM': ('JNT-COMM', 'ring-fenced'),
        'CWA-BSM': ('JNT-BSM', 'slot-in'), 'CWA-WFD': ('JNT-WFD', 'slot-in'),
    }
    for p in POSTS:
        if p.directorate == 'JNT-SS':
            continue
        eff = REABLE if p.sl == 'ADU-REA' else MERGE
        p.est_to = minus_day(eff)
        if p.key in fixed:
            tgt, method = fixed[p.key]
            p.maps.append((K[tgt], method, eff))
        elif p.key and p.key.startswith(('CWA-SM-', 'BRD-SM-')):
            slc = p.key.split('-SM-')[1]
            n = sum(1 for q in POSTS if q.key and q.key.endswith('-SM-' + slc) and q.directorate != 'JNT-SS')
            p.maps.append((K['JNT-SM-' + slc], 'ring-fenced' if n > 1 else 'slot-in', eff))
        elif p in deleted:
            # the work goes to a team manager of the same function
            tgt = next(q for q in POSTS if q.directorate == 'JNT-SS' and q.func == p.func and q.role == 'TM')
            p.maps.append((tgt, 'deleted', eff))
        elif p.role == 'TM':
            old = [q for q in POSTS if q.func == p.func and q.role == 'TM' and q.directorate != 'JNT-SS']
            new = [q for q in POSTS if q.func == p.func and q.role == 'TM' and q.directorate == 'JNT-SS']
            method = 'slot-in' if len(new) >= len(old) else 'ring-fenced'
            p.maps.append((counterpart[p], method, eff))
        else:
            method = 'tupe' if p.directorate == 'BRD-SS' and p.func in ('BUS-ADM', 'BUS-FIN') else 'slot-in'
            p.maps.append((counterpart[p], method, eff))
    # dotted lines
    K['CWA-HOS-CBS'].also.append(K['BRD-DIR'])          # a joint head answers to both directors
    K['BRD-TM-EDT'].also.append(K['CWA-HOS-CHI'])       # the joint out-of-hours team
    for k in ('CWA-SM-ADU-REA', 'BRD-SM-ADU-REA'):      # reablement waits for the pooled budget
        K[k].also.append(K['JNT-HOS-ADU'])
    K['JNT-SM-CHI-SAFE'].also.append(K['JNT-DIR'])      # the Director's statutory safeguarding lead


def choose_deleted():
    """Vacant frontline posts given up as savings."""
    cands = [p for p in POSTS if p.role and p.role not in ('TM', 'PA') and not p.manager
             and p.level <= 8 and p.func in FUNCS and p.func not in ('REA',)]
    rng.shuffle(cands)
    picked = []
    for p in cands:
        peers = [q for q in POSTS if q.func == p.func and q.role != 'TM' and q.directorate == p.directorate]
        if len(peers) - sum(1 for q in picked if q.func == p.func and q.directorate == p.directorate) > 4:
            picked.append(p)
        if len(picked) == 9:
            break
    for p in picked:
        p.vacant = True
    return set(picked)


def assign_codes():
    seq = {}
    for p in POSTS:
        k = (PREFIX[p.directorate], SL[p.sl][6])
        seq[k] = seq.get(k, 0) + 1
        p.code = f'{k[0]}-{k[1]}-{seq[k]:03d}'


def set_legacy_from():
    for p in POSTS:
        if p.directorate == 'CWA-SS' and p.est_from is None and rng.random() < 0.8:
            p.est_from = '2010-04-01'          # Cwm Aran's last restructure
        elif p.directorate == 'BRD-SS' and p.sl.startswith('CHI') and rng.random() < 0.9:
            p.est_from = '2011-10-01'          # Bryn Derw's children's services review


# ------------------------------------------------------------------ people

WELSH_GIVEN = ['Siân', 'Gareth', 'Rhys', 'Ffion', 'Carys', 'Dafydd', 'Eleri', 'Gwen', 'Huw', 'Iwan',
               'Lowri', 'Meinir', 'Nia', 'Owain', 'Rhian', 'Sioned', 'Tomos', 'Gethin', 'Angharad',
               'Bethan', 'Catrin', 'Dylan', 'Elin', 'Geraint', 'Heledd', 'Ieuan', 'Llinos', 'Mared',
               'Nerys', 'Osian', 'Rhodri', 'Seren', 'Aled', 'Alun', 'Bryn', 'Cerys', 'Delyth', 'Einir',
               'Glesni', 'Hywel', 'Manon', 'Emyr', 'Gwenllian', 'Gwyneth', 'Elgan', 'Mali', 'Non',
               'Tegwen', 'Llŷr', 'Gruffydd', 'Eirlys', 'Menna', 'Siôn', 'Dewi', 'Branwen', 'Cadi']
ENGLISH_GIVEN = ['Sarah', 'David', 'Emma', 'James', 'Claire', 'Mark', 'Helen', 'Paul', 'Rachel',
                 'Andrew', 'Karen', 'Stephen', 'Joanne', 'Michael', 'Lisa', 'Richard', 'Nicola',
                 'Christopher', 'Julie', 'Matthew', 'Louise', 'Steven', 'Kelly', 'Gemma', 'Natalie',
                 'Adam', 'Rebecca', 'Hannah', 'Laura', 'Daniel', 'Jason', 'Donna', 'Susan', 'Alison',
                 'Peter', 'Kathryn', 'Neil', 'Amanda', 'Lee', 'Zoe', 'Jonathan', 'Samantha', 'Wayne',
                 'Tracey', 'Craig', 'Leanne', 'Sharon', 'Anthony', 'Kirsty', 'Ryan']
WELSH_FAMILY = ['Jones', 'Davies', 'Williams', 'Evans', 'Thomas', 'Roberts', 'Hughes', 'Lewis',
                'Morgan', 'Griffiths', 'Price', 'Jenkins', 'Rees', 'Powell', 'Owen', 'Pritchard',
                'Llywelyn', 'Prosser', 'Bevan', 'Howells', 'Parry', 'Pugh', 'Vaughan', 'Watkins',
                'Bowen', 'Lloyd', 'Phillips', 'Richards', 'Probert', 'Gwilym', 'Meredith', 'Humphreys',
                'Prys', 'ap Dafydd', 'Elis', 'Rhydderch', 'Gruffudd', 'Tudur', 'Cadwaladr', 'Huws',
                'Jarman', 'Bowen-Rees']
ENGLISH_FAMILY = ['Smith', 'Taylor', 'Brown', 'Walker', 'Wright', 'Green', 'Harris', 'Clarke',
                  'Baker', 'Turner', 'Cooper', 'Ward', 'Hill', 'Mitchell', 'Kelly', "O'Brien",
                  'Collins', 'Edwards', 'Stephens', 'Fletcher', 'Sullivan', 'Marsh', 'Chapman']


class Person:
    def __init__(self, employer, number, given, family, lang):
        self.employer, self.number, self.given, self.family, self.lang = employer, number, given, family, lang
        self.grade = self.salary = self.oncosts = None
        self.start = self.left = None
        self.assignments = []       # [post, fte, from, to]


PEOPLE = []
NUMBERS = {'CWA': set(), 'BRD': set()}
NAMES = set()


def new_number(employer):
    while True:
        n = str(rng.randrange(100000, 200000)) if employer == 'CWA' else '00%05d' % rng.randrange(20000, 70000)
        if n not in NUMBERS[employer]:
            NUMBERS[employer].add(n)
            return n


def new_person(employer, given=None, family=None, lang=None):
    while given is None:
        welsh = rng.random() < 0.5
        g = rng.choice(WELSH_GIVEN if welsh else ENGLISH_GIVEN)
        f = rng.choice(WELSH_FAMILY if rng.random() < 0.75 else ENGLISH_FAMILY)
        if (g, f) not in NAMES:
            given, family = g, f
            lang = 'cy' if rng.random() < (0.42 if welsh else 0.04) else None
    NAMES.add((given, family))
    p = Person(employer, new_number(employer), given, family, lang)
    PEOPLE.append(p)
    return p


def set_pay(person, level, tenk, directorate):
    point = rng.choice(PAY[level])
    person.grade = grade(directorate, level)
    person.salary = round(point * 100 * tenk / 10000)
    person.oncosts = on_costs(person.employer, person.salary)


def start_for(level):
    lo = '1984-09-01' if level >= 11 else '1991-04-01'
    return weekday_on_or_after(rand_date(lo, '2012-12-31'))


def hold(person, post, tenk, start_floor=None):
    frm = person.start
    if post.est_from and post.est_from > frm:
        frm = post.est_from
    elif not post.est_from and frm < '2008-01-01':
        frm = weekday_on_or_after(rand_date(max(frm, '2004-01-01'), '2012-10-31'))
    if start_floor and frm < start_floor:
        frm = start_floor
    person.assignments.append([post, tenk, frm, None])
    post.holders.append((person, tenk))


KEY_POSTS = {'CWA-DIR', 'BRD-DIR', 'CWA-PA', 'CWA-PM', 'CWA-HOS-ADU', 'CWA-HOS-CHI', 'CWA-HOS-CBS',
             'BRD-AD-ADU', 'BRD-AD-CHI', 'BRD-HOS-BUS', 'CWA-COMM', 'BRD-COMM', 'CWA-BSM', 'CWA-WFD'}


def staff_legacy():
    for post in [p for p in POSTS if p.directorate != 'JNT-SS']:
        emp = PREFIX[post.directorate]
        key = post.key in KEY_POSTS or (post.key or '').startswith(('CWA-SM', 'BRD-SM'))
        if post.vacant or (not key and rng.random() < 0.07):
            post.vacant = True
            if rng.random() < 0.1:              # someone left during 2013-14
                p = new_person(emp)
                p.start = start_for(post.level)
                set_pay(p, post.level, post.fte, post.directorate)
                hold(p, post, post.fte)
                p.left = p.assignments[-1][3] = rand_date('2013-05-01', '2014-01-10')
                post.holders.clear()
            continue
        if post.key == 'CWA-PM':
            p = new_person(emp, 'Non', 'Rhydderch', 'cy')
            p.start = '2013-06-03'
            set_pay(p, 13, 10000, post.directorate)
            hold(p, post, 10000)
            continue
        if not key and post.fte == 10000 and rng.random() < 0.05:
            split = rng.choice([(5000, 5000), (6000, 4000)])
            for part in split:
                p = new_person(emp)
                p.start = start_for(post.level)
                set_pay(p, post.level, part, post.directorate)
                hold(p, post, part)
            continue
        tenk = post.fte
        if not key and tenk == 10000 and rng.random() < 0.06:
            tenk = rng.choice([8000, 6000, 5405])
        refill = not key and rng.random() < 0.015
        if refill:                                  # left, and the post was filled again
            q = new_person(emp)
            q.start = start_for(post.level)
            set_pay(q, post.level, post.fte, post.directorate)
            hold(q, post, post.fte)
            q.left = q.assignments[-1][3] = rand_date('2013-04-15', '2013-09-30')
            post.holders.clear()
        p = new_person(emp)
        p.start = start_for(post.level)
        if refill:
            p.start = weekday_on_or_after(iso(day(q.left) + dt.timedelta(days=rng.randrange(20, 110))))
        set_pay(p, post.level, tenk, post.directorate)
        hold(p, post, tenk)


def end_legacy(person, when, leaves):
    for a in person.assignments:
        if a[3] is None:
            a[3] = when
    if leaves:
        person.left = when


def take(person, post, tenk, frm):
    person.assignments.append([post, tenk, frm, post.est_to])     # fixed term ends with the post
    post.holders.append((person, tenk))


def staff_merged():
    K = BY_KEY
    pools = {}
    for post in [p for p in POSTS if p.directorate != 'JNT-SS']:
        for tgt, method, eff in post.maps:
            current = list(post.holders)
            if method in ('slot-in', 'tupe'):
                for person, tenk in current:
                    end_legacy(person, minus_day(eff), method == 'tupe')
                    if method == 'tupe':
                        new = new_person('CWA', person.given, person.family, person.lang)
                        new.start, new.grade = eff, grade('JNT-SS', post.level)
                        new.salary, new.oncosts = person.salary, on_costs('CWA', person.salary)
                        person = new
                    take(person, tgt, tenk, eff)
            elif method == 'deleted':
                for person, tenk in current:
                    end_legacy(person, minus_day(eff), True)
            else:                                   # ring-fenced / open competition
                pools.setdefault((tgt, method, eff), []).extend(current)
    winners = {'JNT-DIR': 'BRD-DIR', 'JNT-HOS-ADU': 'CWA-HOS-ADU', 'JNT-HOS-CHI': None}
    for (tgt, method, eff), cands in sorted(pools.items(), key=lambda kv: kv[0][0].code):
        cands = [c for c in cands if c[0].left is None]
        if method == 'open-competition':
            want = winners[tgt.key]
            win = [c for c in cands if want and c[0].assignments[-1][0].key == want]
        else:
            win = [rng.choice(cands)] if cands else []
        for person, tenk in cands:
            end_legacy(person, minus_day(eff), False)
            if win and person is win[0][0]:
                take(person, tgt, min(tenk, tgt.fte) if method == 'ring-fenced' else 10000, eff)
            else:
                redeploy_or_leave(person, tgt, eff)
        if tgt.key == 'JNT-HOS-CHI':                # appointed from outside
            p = new_person('CWA', 'Angharad', 'Tudur', 'cy')
            p.start = '2014-05-06'
            set_pay(p, 15, 10000, 'JNT-SS')
            take(p, tgt, 10000, p.start)


def family(sl):
    return SL[sl][1] or sl


def redeploy_or_leave(person, lost, eff):
    level = lost.level
    if level < 15 and rng.random() < 0.75:
        opts = [p for p in POSTS if p.directorate == 'JNT-SS' and not p.holders and not p.key
                and family(p.sl) == family(lost.sl) and p.role != 'TM' and p.level >= 8
                and (p.est_from or '') <= eff]
        opts.sort(key=lambda p: (-p.level, p.code))
        if opts:
            take(person, opts[0], opts[0].fte, eff)
            return
    person.left = minus_day(eff)


def new_starters():
    vac = [p for p in POSTS if p.directorate == 'JNT-SS' and not p.holders and not p.key
           and p.role not in ('TM',)]
    vac.sort(key=lambda p: p.code)
    rng.shuffle(vac)
    for post in vac[:6]:
        p = new_person('CWA')
        p.start = weekday_on_or_after(rand_date('2014-05-01', '2014-10-31'))
        set_pay(p, post.level, post.fte, 'JNT-SS')
        take(p, post, post.fte, max(p.start, post.est_from))


# ----------------------------------------------------------------- budgets

CATS = ['employees', 'premises', 'transport', 'supplies-and-services', 'third-party-payments',
        'support-services', 'income']
# 2013 non-staff totals across both councils (pounds) and how they spread
NONSTAFF_2013 = {
    'third-party-payments': (88_400_000, {'COM-RES': 34, 'COM-DOM': 21, 'ADU-LD': 14, 'CHI-LAC': 10,
                                          'ADU-MH': 5, 'ADU-PD': 4, 'CHI-FOST': 6, 'CHI-FAM': 2,
                                          'ADU-OP': 3, 'ADU-REA': 1}),
    'premises': (3_050_000, {'ADU-LD': 30, 'CHI-LAC': 18, 'MGMT': 32, 'BUSINESS': 12, 'ADU-REA': 8}),
    'transport': (2_240_000, {'ADU-LD': 30, 'ADU-REA': 20, 'ADU-OP': 14, 'CHI-SAFE': 10, 'CHI-LAC': 10,
                              'CHI-FAM': 8, 'ADU-MH': 5, 'ADU-PD': 3}),
    'supplies-and-services': (5_900_000, {'BUSINESS': 22, 'MGMT': 12, 'ADU-LD': 12, 'CHI-LAC': 10,
                                          'CHI-FAM': 10, 'ADU-PD': 12, 'ADU-OP': 6, 'CHI-SAFE': 6,
                                          'COMMISS': 4, 'ADU-MH': 3, 'CHI-FOST': 3}),
    'support-services': (8_700_000, {'MGMT': 45, 'BUSINESS': 20, 'ADULTS': 18, 'CHILDREN': 17}),
    'income': (15_900_000, {'COM-RES': 44, 'COM-DOM': 13, 'ADU-LD': 14, 'ADU-REA': 7, 'CHI-FAM': 10,
                            'ADU-MH': 6, 'ADU-OP': 4, 'BUSINESS': 2}),
}
SHARE = {'CWA-SS': 0.56, 'BRD-SS': 0.44}
# merged-year change on non-staff spend (savings bite), per year
TREND = {2014: {'third-party-payments': 1.0, 'premises': 0.93, 'transport': 0.95,
                'supplies-and-services': 0.94, 'support-services': 0.90, 'income': 1.025},
         2015: {'third-party-payments': 0.99, 'premises': 0.86, 'transport': 0.90,
                'supplies-and-services': 0.90, 'support-services': 0.85, 'income': 1.05}}


def pence_noise(amount_p, spread):
    return round(amount_p * (1 + rng.uniform(-spread, spread)))


def staff_cost(directorate, sl, fy):
    lo, hi = f'{fy}-04-01', f'{fy + 1}-03-31'
    total = 0
    for p in POSTS:
        if p.directorate != directorate or p.sl != sl:
            continue
        a, b = max(p.est_from or lo, lo), min(p.est_to or hi, hi)
        if a <= b:
            days = (day(b) - day(a)).days + 1
            total += p.cost * days / ((day(hi) - day(lo)).days + 1)
    return round(total)


def budgets():
    lines = []
    for fy, dirs in ((2013, ['CWA-SS', 'BRD-SS']), (2014, ['JNT-SS']), (2015, ['JNT-SS'])):
        for d in dirs:
            share = SHARE.get(d, 1.0)
            for s in SERVICE_LINES:
                sl = s[0]
                row = {}
                emp = staff_cost(d, sl, fy)
                if fy == 2014 and sl == 'ADU-REA':      # legacy reablement teams until July
                    emp += sum(staff_cost(x, sl, 2014) for x in ('CWA-SS', 'BRD-SS'))
                if emp:
                    row['employees'] = round(emp * (1.015 if fy == 2013 else 1.0))
                for cat, (tot, spread) in NONSTAFF_2013.items():
                    if sl in spread:
                        w = spread[sl] / sum(spread.values())
                        amt = tot * 100 * w * share * (1 if d != 'CWA-SS' else rng.uniform(0.96, 1.04))
                        if fy > 2013:
                            amt *= TREND[fy][cat] * rng.uniform(0.99, 1.01)
                        row[cat] = pence_noise(amt, 0.02)
                for cat in CATS:
                    if cat not in row:
                        continue
                    b = row[cat]
                    fc = None
                    if fy == 2013:
                        drift = {'third-party-payments': 0.018, 'employees': -0.021, 'income': -0.012}.get(cat, 0)
                        if sl in ('CHI-LAC', 'COM-RES') and cat == 'third-party-payments':
                            drift = 0.047
                        fc = round(b * (1 + drift + rng.uniform(-0.015, 0.015)))
                    lines.append((fy, d, sl, cat, b, fc))
    return lines


def net(lines, fy):
    return sum(-b if cat == 'income' else b for (y, d, sl, cat, b, fc) in lines if y == fy)


# ----------------------------------------------------------------- savings

def savings():
    def mgmt(sls):
        old = sum(p.cost for p in POSTS if p.directorate != 'JNT-SS' and p.manager and p.sl in sls)
        new = sum(p.cost for p in POSTS if p.directorate == 'JNT-SS' and p.manager and p.sl in sls)
        return max(0, round((old - new) / 100000) * 100000)   # to the nearest £1,000
    adults = ['ADULTS', 'ADU-LD', 'ADU-MH', 'ADU-OP', 'ADU-PD', 'ADU-REA']
    children = ['CHILDREN', 'CHI-SAFE', 'CHI-LAC', 'CHI-FAM', 'CHI-FOST']
    bus = ['COMMISS', 'COM-DOM', 'COM-RES', 'BUSINESS']
    K = BY_KEY
    director = round(K['CWA-DIR'].cost / 100000) * 100000
    S = [
        # code, year, directorate, service line, target (pence), status, forecast, achieved, en, cy
        ('SAV-13-01', 2013, 'CWA-SS', 'BUSINESS', 9_600_000, 'achieved', None, 9_600_000,
         'Hold three administrative posts vacant until the merger',
         "Cadw tair swydd weinyddol yn wag tan yr uno"),
        ('SAV-13-02', 2013, 'BRD-SS', 'COM-DOM', 24_000_000, 'on-track', 22_150_000, 16_870_042,
         'Retender the domiciliary care framework',
         "Aildendro'r fframwaith gofal cartref"),
        ('SAV-13-03', 2013, 'CWA-SS', 'COM-RES', 31_500_000, 'at-risk', 18_000_000, 9_412_576,
         'Review high-cost residential placements for adults',
         'Adolygu lleoliadau preswyl costus i oedolion'),
        ('SAV-13-04', 2013, 'BRD-SS', 'CHI-LAC', 15_000_000, 'at-risk', 6_500_000, 4_211_250,
         'Reduce agency social worker spend in looked after children teams',
         "Lleihau gwariant ar weithwyr cymdeithasol asiantaeth yn y timau plant sy'n derbyn gofal"),
        ('SAV-13-05', 2013, 'CWA-SS', None, 4_000_000, 'dropped', 0, 0,
         'Pool car scheme to replace casual user mileage',
         'Cynllun ceir cronfa yn lle milltiroedd defnyddwyr achlysurol'),
        ('SAV-14-01', 2014, 'JNT-SS', 'MGMT', director, 'on-track', director, None,
         'One Director for the joint service',
         'Un Cyfarwyddwr ar gyfer y gwasanaeth ar y cyd'),
        ('SAV-14-02', 2014, 'JNT-SS', 'ADULTS', mgmt(adults), 'on-track', mgmt(adults), None,
         'One management team for adult services',
         'Un tîm rheoli ar gyfer gwasanaethau oedolion'),
        ('SAV-14-03', 2014, 'JNT-SS', 'CHILDREN', mgmt(children), 'on-track',
         round(mgmt(children) * 0.9 / 100000) * 100000, None,
         "One management team for children's services",
         'Un tîm rheoli ar gyfer gwasanaethau plant'),
        ('SAV-14-04', 2014, 'JNT-SS', 'BUSINESS', mgmt(bus), 'planned', None, None,
         'Merge business support and commissioning teams',
         'Uno timau cymorth busnes a chomisiynu'),
        ('SAV-14-05', 2014, 'JNT-SS', 'COM-RES', 45_000_000, 'on-track', 43_000_000, None,
         'Joint commissioning of residential and nursing care',
         'Comisiynu gofal preswyl a nyrsio ar y cyd'),
        ('SAV-14-06', 2014, 'JNT-SS', 'CHI-SAFE', 11_000_000, 'planned', None, None,
         'A single emergency duty team for both councils',
         'Un tîm dyletswydd brys ar gyfer y ddau gyngor'),
        ('SAV-14-07', 2014, 'JNT-SS', 'ADU-REA', 30_000_000, 'at-risk', 17_500_000, None,
         'Integrated reablement with the health board reduces home care hours',
         "Ailalluogi integredig gyda'r bwrdd iechyd yn lleihau oriau gofal cartref"),
        ('SAV-14-08', 2014, 'JNT-SS', 'BUSINESS', 12_500_000, 'planned', None, None,
         'One client record system: licences and support',
         'Un system cofnodion cleientiaid: trwyddedau a chymorth'),
        ('SAV-14-09', 2014, 'JNT-SS', 'MGMT', 21_000_000, 'at-risk', 9_000_000, None,
         'Rationalise office accommodation',
         'Rhesymoli swyddfeydd'),
        ('SAV-15-01', 2015, 'JNT-SS', 'CHI-FOST', 26_000_000, 'planned', None, None,
         'Recruit in-house foster carers to reduce independent agency placements',
         'Recriwtio gofalwyr maeth mewnol i leihau lleoliadau asiantaethau annibynnol'),
        ('SAV-15-02', 2015, 'JNT-SS', 'ADU-LD', 35_000_000, 'planned', None, None,
         'Remodel learning disability day services',
         'Ailfodelu gwasanaethau dydd anableddau dysgu'),
        ('SAV-15-03', 2015, 'JNT-SS', None, 8_000_000, 'planned', None, None,
         'Review of mileage and fleet',
         "Adolygu milltiroedd a'r fflyd"),
    ]
    return S


# -------------------------------------------------------------- milestones

def milestones():
    K = BY_KEY

    def owner(key):
        p = holder_of(K[key])
        return f'{p.employer}:{p.number}'
    # code, kind, due, status, completed, rag, owner post, service line, workstream, deps, en, cy, notes
    G, H, F, I, S, C = ('Governance', 'HR and Staffing', 'Finance', 'ICT', 'Service Integration',
                        'Communications')
    M = [
        ('GOV-01', None, '2013-07-15', 'done', '2013-07-10', None, 'CWA-PM', None, G, [],
         'Programme board established', 'Sefydlu bwrdd y rhaglen', None),
        ('GOV-02', 'decision', '2013-09-17', 'done', '2013-09-17', None, 'BRD-DIR', None, G, ['GOV-01', 'FIN-01'],
         'Business case approved by both cabinets',
         "Cabinetau'r ddau gyngor yn cymeradwyo'r achos busnes", None),
        ('GOV-03', 'decision', '2013-10-31', 'done', '2013-11-05', None, 'BRD-DIR', None, G, ['GOV-02'],
         'Joint committee terms of reference agreed', 'Cytuno ar gylch gorchwyl y cyd-bwyllgor',
         ('Agreed a week late: Bryn Derw added a scrutiny clause.',
          "Cytunwyd wythnos yn hwyr: ychwanegodd Bryn Derw gymal craffu.")),
        ('GOV-04', 'decision', '2014-02-28', 'in-progress', None, None, 'CWA-HOS-CBS', None, G, ['GOV-03'],
         'Legal agreement between the councils signed',
         "Llofnodi'r cytundeb cyfreithiol rhwng y cynghorau", None),
        ('GOV-05', 'decision', '2014-01-24', 'done', '2014-01-22', None, 'BRD-DIR', None, G, ['GOV-02', 'HR-03'],
         'Director of the joint service appointed', 'Penodi Cyfarwyddwr y gwasanaeth ar y cyd', None),
        ('GOV-06', None, '2014-02-28', 'in-progress', None, None, 'BRD-DIR', None, G, ['GOV-05'],
         'Heads of service appointed', 'Penodi penaethiaid gwasanaeth', None),
        ('GOV-07', None, MERGE, 'in-progress', None, None, 'BRD-DIR', None, G, ['GOV-06', 'HR-04', 'HR-05'],
         'One management team and Director in place', 'Un tîm rheoli a Chyfarwyddwr yn eu lle', None),
        ('GOV-08', 'decision', '2014-03-20', 'not-started', None, None, 'CWA-HOS-CBS', None, G, ['GOV-04'],
         'Scheme of delegation approved by full council',
         "Y cyngor llawn yn cymeradwyo'r cynllun dirprwyo", None),
        ('GOV-09', None, '2015-07-16', 'not-started', None, None, 'CWA-PM', None, G, ['GOV-07', 'FIN-06'],
         'First annual report of the joint service to the joint committee',
         "Adroddiad blynyddol cyntaf y gwasanaeth ar y cyd i'r cyd-bwyllgor", None),
        ('GOV-10', None, '2015-12-15', 'not-started', None, None, 'CWA-PM', None, G, ['GOV-09', 'SRV-06'],
         'Post-implementation review', 'Adolygiad ar ôl gweithredu', None),
        ('HR-01', None, '2013-10-01', 'done', '2013-09-30', None, 'CWA-WFD', None, H, ['GOV-02'],
         'Trade union consultation opened', "Dechrau ymgynghori â'r undebau llafur", None),
        ('HR-02', None, '2013-12-20', 'done', '2013-12-20', None, 'CWA-WFD', None, H, ['HR-01'],
         'Staff consultation on the new structure closes',
         "Cau'r ymgynghoriad â staff ar y strwythur newydd", None),
        ('HR-03', None, '2014-01-17', 'done', '2014-01-16', None, 'CWA-WFD', None, H, ['HR-02'],
         'Director and heads of service posts evaluated',
         "Gwerthuso swyddi'r Cyfarwyddwr a'r penaethiaid gwasanaeth", None),
        ('HR-04', None, '2014-03-14', 'in-progress', None, 'amber', 'CWA-WFD', None, H, ['HR-02', 'GOV-06'],
         'Ring-fenced interviews for service manager posts complete',
         "Cwblhau'r cyfweliadau cyfyngedig ar gyfer swyddi rheolwyr gwasanaeth",
         ('Two panels still to be arranged for reablement; the health board wants a seat.',
          "Mae angen trefnu dau banel ar gyfer ailalluogi o hyd; mae'r bwrdd iechyd am gael sedd.")),
        ('HR-05', None, '2014-03-21', 'not-started', None, None, 'CWA-WFD', None, H, ['HR-04'],
         'Team manager appointments confirmed', 'Cadarnhau penodiadau rheolwyr tîm', None),
        ('HR-06', None, '2014-02-14', 'in-progress', None, None, 'CWA-BSM', 'BUSINESS', H, ['HR-02'],
         'TUPE consultation for business support staff',
         'Ymgynghoriad TUPE ar gyfer staff cymorth busnes', None),
        ('HR-07', None, MERGE, 'not-started', None, None, 'CWA-BSM', 'BUSINESS', H, ['HR-06', 'GOV-04'],
         'Business support staff transfer to the host council',
         "Staff cymorth busnes yn trosglwyddo i'r cyngor lletyol", None),
        ('HR-08', 'decision', '2014-02-28', 'in-progress', None, None, 'CWA-WFD', None, H, ['HR-02'],
         'Voluntary severance applications decided',
         'Penderfynu ar geisiadau diswyddo gwirfoddol', None),
        ('HR-09', None, '2014-09-30', 'not-started', None, None, 'CWA-WFD', None, H, ['HR-05'],
         'Harmonised terms and conditions agreed with the trade unions',
         "Cytuno ar delerau ac amodau wedi'u cysoni gyda'r undebau llafur", None),
        ('HR-10', None, '2014-06-30', 'not-started', None, None, 'CWA-WFD', None, H, ['GOV-07'],
         'Joint workforce development plan published',
         "Cyhoeddi cynllun datblygu'r gweithlu ar y cyd", None),
        ('FIN-01', None, '2013-09-06', 'done', '2013-09-04', None, 'CWA-BSM', None, F, [],
         'Baseline budgets agreed by both section 151 officers',
         'Swyddogion adran 151 y ddau gyngor yn cytuno ar y cyllidebau sylfaenol', None),
        ('FIN-02', 'decision', '2013-11-28', 'done', '2013-11-28', None, 'CWA-BSM', None, F, ['FIN-01', 'GOV-02'],
         'Cost-sharing formula approved', "Cymeradwyo'r fformiwla rhannu costau", None),
        ('FIN-03', 'decision', '2014-03-06', 'in-progress', None, None, 'CWA-BSM', None, F, ['FIN-02'],
         'Joint budget for 2014-15 approved by both councils',
         'Y ddau gyngor yn cymeradwyo cyllideb ar y cyd 2014-15', None),
        ('FIN-04', 'decision', '2014-06-27', 'not-started', None, None, 'CWA-HOS-ADU', 'ADU-REA', F, ['FIN-03'],
         'Pooled budget for reablement agreed with the health board',
         "Cytuno ar gronfa gyfun ar gyfer ailalluogi gyda'r bwrdd iechyd", None),
        ('FIN-05', None, '2014-05-30', 'not-started', None, None, 'CWA-BSM', None, F, ['FIN-03'],
         'Savings tracker reported monthly to the programme board',
         'Adrodd ar y traciwr arbedion i fwrdd y rhaglen bob mis', None),
        ('FIN-06', None, '2015-06-30', 'not-started', None, None, 'CWA-BSM', None, F, ['FIN-05'],
         'Outturn for 2014-15 reported', 'Adrodd ar alldro 2014-15', None),
        ('FIN-07', 'decision', '2015-03-05', 'not-started', None, None, 'CWA-BSM', None, F, ['FIN-03'],
         'Joint budget for 2015-16 approved', 'Cymeradwyo cyllideb ar y cyd 2015-16', None),
        ('ICT-01', None, '2013-10-31', 'done', '2013-10-25', None, 'CWA-PM', None, I, ['GOV-01'],
         'Options appraisal for a single client record system',
         'Arfarnu opsiynau ar gyfer un system cofnodion cleientiaid', None),
        ('ICT-02', 'decision', '2014-03-31', 'in-progress', None, 'red', 'CWA-PM', None, I, ['ICT-01', 'FIN-02'],
         'Single client record system procured',
         'Caffael un system cofnodion cleientiaid',
         ('Tender delayed: both bidders asked for more time to answer the Welsh language requirements.',
          "Oedi'r tendr: gofynnodd y ddau gynigydd am ragor o amser i ateb y gofynion iaith Gymraeg.")),
        ('ICT-03', None, '2014-03-31', 'in-progress', None, None, 'CWA-PM', None, I, ['GOV-02'],
         'Shared network and email between the councils',
         "Rhwydwaith ac e-bost a rennir rhwng y cynghorau", None),
        ('ICT-04', None, '2014-11-28', 'not-started', None, None, 'CWA-PM', None, I, ['ICT-02'],
         'Data migration from the legacy systems complete',
         "Cwblhau mudo data o'r hen systemau", None),
        ('ICT-05', None, '2015-01-05', 'not-started', None, None, 'CWA-PM', None, I, ['ICT-04'],
         'New client record system live', 'System cofnodion cleientiaid newydd yn fyw', None),
        ('ICT-06', None, '2015-06-30', 'not-started', None, None, 'CWA-PM', None, I, ['ICT-05'],
         'Legacy systems decommissioned', "Datgomisiynu'r hen systemau", None),
        ('SRV-01', None, MERGE, 'not-started', None, None, 'CWA-HOS-ADU', 'ADULTS', S, ['GOV-06'],
         'Adult services aligned under one head of service',
         'Alinio gwasanaethau oedolion o dan un pennaeth gwasanaeth', None),
        ('SRV-02', None, MERGE, 'not-started', None, None, 'JNT-SM-CHI-SAFE', 'CHI-SAFE', S, ['GOV-06'],
         'A single emergency duty team', 'Un tîm dyletswydd brys', None),
        ('SRV-03', None, REABLE, 'not-started', None, None, 'CWA-HOS-ADU', 'ADU-REA', S, ['FIN-04', 'SRV-01'],
         'Integrated reablement service launched with the health board',
         "Lansio gwasanaeth ailalluogi integredig gyda'r bwrdd iechyd", None),
        ('SRV-04', None, '2014-10-01', 'not-started', None, None, 'JNT-SM-CHI-FOST', 'CHI-FOST', S, ['GOV-07'],
         'Joint fostering and adoption service', 'Gwasanaeth maethu a mabwysiadu ar y cyd', None),
        ('SRV-05', None, '2014-12-01', 'not-started', None, None, 'CWA-HOS-ADU', 'ADULTS', S, ['SRV-01', 'ICT-03'],
         'Single front door for adult services', 'Un drws ffrynt i wasanaethau oedolion', None),
        ('SRV-06', None, '2015-04-01', 'not-started', None, None, 'JNT-SM-CHI-SAFE', 'CHI-SAFE', S,
         ['SRV-02', 'ICT-05'],
         "Children's safeguarding teams integrated", 'Integreiddio timau diogelu plant', None),
        ('SRV-07', None, '2015-09-30', 'not-started', None, None, 'CWA-HOS-ADU', 'ADU-LD', S, ['SRV-01'],
         'Learning disability day services remodelled',
         'Ailfodelu gwasanaethau dydd anableddau dysgu', None),
        ('SRV-08', None, '2015-03-31', 'not-started', None, None, 'JNT-COMM', 'COM-DOM', S, ['FIN-03'],
         'Domiciliary care framework retendered jointly',
         "Aildendro'r fframwaith gofal cartref ar y cyd", None),
        ('SRV-09', None, '2014-06-30', 'cancelled', None, None, 'CWA-HOS-CBS', None, S, ['GOV-07'],
         'Management team co-located in one office', "Cydleoli'r tîm rheoli mewn un swyddfa",
         ('Cancelled by the programme board on 14 January 2014: agile working instead.',
          'Canslwyd gan fwrdd y rhaglen ar 14 Ionawr 2014: gweithio ystwyth yn lle hynny.')),
        ('COMMS-01', None, '2013-08-30', 'done', '2013-08-28', None, 'CWA-PA', None, C, ['GOV-01'],
         'Communications and engagement plan agreed',
         "Cytuno ar y cynllun cyfathrebu ac ymgysylltu", None),
        ('COMMS-02', None, '2013-10-15', 'done', '2013-10-11', None, 'CWA-PA', None, C, ['COMMS-01', 'GOV-02'],
         'Staff briefings held in both councils',
         'Cynnal sesiynau briffio staff yn y ddau gyngor', None),
        ('COMMS-03', None, '2013-12-13', 'done', '2013-12-13', None, 'CWA-PM', None, C, ['COMMS-01'],
         'Public consultation on the joint service closes',
         "Cau'r ymgynghoriad cyhoeddus ar y gwasanaeth ar y cyd", None),
        ('COMMS-04', None, '2014-01-17', 'in-progress', None, None, 'CWA-PM', None, C, ['COMMS-03'],
         'Welsh language impact assessment published',
         "Cyhoeddi'r asesiad o'r effaith ar y Gymraeg",
         ('Draft with the Welsh language officers of both councils.', None)),
        ('COMMS-05', None, '2014-03-17', 'not-started', None, None, 'CWA-PA', None, C, ['COMMS-03', 'GOV-04'],
         'New name and bilingual branding launched',
         "Lansio'r enw newydd a'r brand dwyieithog", None),
        ('COMMS-06', None, MERGE, 'not-started', None, None, 'CWA-PA', None, C, ['COMMS-05', 'ICT-03'],
         'Joint website and contact numbers live',
         'Gwefan a rhifau cyswllt ar y cyd yn fyw', None),
        ('COMMS-07', None, '2014-09-30', 'not-started', None, None, 'CWA-PA', None, C, ['COMMS-06'],
         'First newsletter for service users and carers',
         'Y cylchlythyr cyntaf i ddefnyddwyr gwasanaeth a gofalwyr', None),
    ]
    out = []
    for (code, kind, due, status, done, rag, own, sl, ws, deps, en, cy, notes) in M:
        out.append(dict(code=code, kind=kind, due=due, status=status, completed=done, rag=rag,
                        owner=owner(own) if own else None, sl=sl, ws=ws, deps=deps, en=en, cy=cy,
                        notes=notes))
    return out


def holder_of(post):
    """The person who holds a post on the as-at date, or failing that the first to hold it."""
    best = None
    for person in PEOPLE:
        for a in person.assignments:
            if a[0] is post:
                if a[2] <= AS_AT and (a[3] is None or a[3] >= AS_AT):
                    return person
                best = best or person
    assert best is not None, post.key
    return best


# ---------------------------------------------------------------- checking

LAYERS, MANAGERS = {}, {}     # per directorate, filled in by check()


def check(lines, S, M):
    codes = {p.code for p in POSTS}
    assert len(codes) == len(POSTS)
    posts = {p.code: p for p in POSTS}
    for p in POSTS:
        assert len(p.code) <= 32
        if p.reports_to:
            assert p.reports_to.code in codes
        for tgt, method, eff in p.maps:
            assert tgt.directorate == 'JNT-SS' and p.directorate != 'JNT-SS', (p.code, tgt.code)
        if p.est_from and p.est_to:
            assert p.est_from <= p.est_to, p.code
    for person in PEOPLE:
        for post, tenk, a, b in person.assignments:
            assert post.code in posts
            assert b is None or a <= b, (person.number, a, b)
            assert person.start <= a, (person.number, person.start, a, post.code)
            assert post.est_from is None or a >= post.est_from, (post.code, a)
            assert post.est_to is None or (b is not None and b <= post.est_to), (post.code, b, person.number)
        if person.left:
            assert person.start <= person.left
            assert all(b is not None and b <= person.left for _, _, _, b in person.assignments)
    # over-filled posts
    for d in ('2013-06-30', '2014-02-01', '2014-04-01', '2014-07-01', '2014-12-01'):
        used = {}
        for person in PEOPLE:
            for post, tenk, a, b in person.assignments:
                if a <= d and (b is None or d <= b):
                    used[post.code] = used.get(post.code, 0) + tenk
        for c, t in used.items():
            assert t <= posts[c].fte, (c, t, d)
    # spans and layers
    for d, date in (('CWA-SS', '2013-06-30'), ('BRD-SS', '2013-06-30'), ('JNT-SS', '2014-07-01')):
        live = [p for p in POSTS if p.directorate == d and (p.est_from or '') <= date
                and (p.est_to is None or date <= p.est_to)]
        for p in live:
            span = sum(1 for q in live if q.reports_to is p)
            if span:
                assert 3 <= span <= 10, (p.code, p.en, span)
        depth = {}
        for p in live:
            n, q = 1, p
            while q.reports_to:
                n, q = n + 1, q.reports_to
            depth[p.code] = n
        LAYERS[d] = max(depth.values())
        MANAGERS[d] = sum(1 for p in live if any(q.reports_to is p for q in live))
    ms = {m['code']: m for m in M}
    owners = {f'{p.employer}:{p.number}' for p in PEOPLE}
    state = {}

    def visit(c):
        state[c] = 1
        for dep in ms[c]['deps']:
            assert dep in ms, dep
            assert state.get(dep) != 1, ('cycle', c, dep)
            if dep not in state:
                visit(dep)
        state[c] = 2
    for c in ms:
        if c not in state:
            visit(c)
        assert ms[c]['owner'] is None or ms[c]['owner'] in owners
        assert (ms[c]['completed'] is not None) == (ms[c]['status'] == 'done'), c
    assert len(M) >= 35
    assert any(m['en'] == 'One management team and Director in place' and m['due'] == MERGE for m in M)
    for s in S:
        assert s[4] > 0



# ------------------------------------------------------------------ output

class Out:
    def __init__(self):
        self.parts = []

    def line(self, depth, s):
        self.parts.append('  ' * depth + s + '\n')

    def tag(self, depth, name, attrs, children=None):
        a = ''.join(f' {k}={quoteattr(v)}' for k, v in attrs if v is not None)
        if not children:
            self.line(depth, f'<{name}{a}/>')
        else:
            self.line(depth, f'<{name}{a}>')
            for c in children:
                self.line(depth + 1, c)
            self.line(depth, f'</{name}>')


def text(el, en, cy):
    out = []
    if en:
        out.append(f'<{el} lang="en">{escape(en)}</{el}>')
    if cy:
        out.append(f'<{el} lang="cy">{escape(cy)}</{el}>')
    return out


def attr_tag(name, attrs):
    return f'<{name}' + ''.join(f' {k}={quoteattr(v)}' for k, v in attrs if v is not None) + '/>'


def write(lines, S, M):
    o = Out()
    o.parts.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    o.parts.append('<!-- Cyd demo programme: fictional councils, people and money.\n'
                   '     Generated by make-demo.py; edit that, not this file. -->\n')
    o.line(0, f'<cyd xmlns="urn:cyd:1" version="1" source="Cyd demo programme" as-at="{AS_AT}">')
    o.line(1, '<councils>')
    for code, pop, kind, en, cy in COUNCILS:
        o.tag(2, 'council', [('code', code), ('population', pop and str(pop)), ('kind', kind)],
              text('name', en, cy))
    o.line(1, '</councils>')
    o.line(1, '<directorates>')
    for code, kind, council, en, cy in DIRECTORATES:
        o.tag(2, 'directorate', [('code', code), ('kind', kind), ('council', council)], text('name', en, cy))
    o.line(1, '</directorates>')
    o.line(1, '<service-lines>')
    for code, parent, delivery, en, cy, stages, _ in SERVICE_LINES:
        o.tag(2, 'service-line', [('code', code), ('parent', parent), ('delivery', delivery)],
              text('name', en, cy) + [attr_tag('stage', [('stage', s), ('effective', e)]) for s, e in stages])
    o.line(1, '</service-lines>')
    o.line(1, '<posts>')
    for p in POSTS:
        ch = text('title', p.en, p.cy)
        ch += [attr_tag('also-reports-to', [('post', q.code)]) for q in p.also]
        ch += [attr_tag('maps-to', [('post', t.code), ('method', m), ('effective', e)]) for t, m, e in p.maps]
        o.tag(2, 'post', [('code', p.code), ('directorate', p.directorate), ('service-line', p.sl),
                          ('reports-to', p.reports_to and p.reports_to.code), ('grade', p.grade),
                          ('fte', None if p.fte == 10000 else fte(p.fte)), ('annual-cost', money(p.cost)),
                          ('established-from', p.est_from), ('established-to', p.est_to)], ch)
    o.line(1, '</posts>')
    o.line(1, '<staff>')
    for p in sorted(PEOPLE, key=lambda p: (p.employer, p.number)):
        ch = [attr_tag('assignment', [('post', post.code), ('fte', None if tenk == 10000 else fte(tenk)),
                                      ('from', a), ('to', b)]) for post, tenk, a, b in p.assignments]
        o.tag(2, 'person', [('employee-number', p.number), ('employer', p.employer), ('given-name', p.given),
                            ('family-name', p.family), ('preferred-language', p.lang), ('grade', p.grade),
                            ('salary', money(p.salary)), ('on-costs', money(p.oncosts)),
                            ('start-date', p.start), ('left-date', p.left)], ch)
    o.line(1, '</staff>')
    o.line(1, '<budget-lines>')
    for fy, d, sl, cat, b, fc in lines:
        o.tag(2, 'budget-line', [('year', str(fy)), ('directorate', d), ('service-line', sl), ('category', cat),
                                 ('budget', money(b)), ('forecast', fc is not None and money(fc) or None)])
    o.line(1, '</budget-lines>')
    o.line(1, '<savings>')
    for code, fy, d, sl, target, status, fc, ach, en, cy in S:
        o.tag(2, 'saving', [('code', code), ('year', str(fy)), ('directorate', d), ('service-line', sl),
                            ('target', money(target)), ('forecast', None if fc is None else money(fc)),
                            ('achieved', None if ach is None else money(ach)), ('status', status)],
              text('description', en, cy))
    o.line(1, '</savings>')
    o.line(1, '<milestones>')
    for m in M:
        ch = text('title', m['en'], m['cy'])
        if m['notes']:
            ch += text('note', *m['notes'])
        ch += [attr_tag('depends-on', [('milestone', d)]) for d in m['deps']]
        o.tag(2, 'milestone', [('code', m['code']), ('due', m['due']), ('kind', m['kind']),
                               ('completed', m['completed']), ('status', m['status']), ('rag', m['rag']),
                               ('owner', m['owner']), ('service-line', m['sl']), ('workstream', m['ws'])], ch)
    o.line(1, '</milestones>')
    o.line(0, '</cyd>')
    return ''.join(o.parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('-o', '--output', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'demo.xml'))
    ap.add_argument('-q', '--quiet', action='store_true')
    args = ap.parse_args()

    build_cwa()
    build_brd()
    deleted = choose_deleted()
    set_legacy_from()
    counterpart = build_jnt(deleted)
    map_posts(counterpart, deleted)
    assign_codes()
    staff_legacy()
    staff_merged()
    new_starters()
    # about 3% of Welsh titles left out on purpose: gaps to fill
    for p in rng.sample(POSTS, round(len(POSTS) * 0.03)):
        p.cy = None
    lines = budgets()
    S = savings()
    M = milestones()
    check(lines, S, M)

    xml = write(lines, S, M)
    with open(args.output, 'w', encoding='utf-8', newline='\n') as f:
        f.write(xml)
    if not args.quiet:
        legacy_mgmt = sum(p.cost for p in POSTS if p.manager and p.directorate != 'JNT-SS')
        print(f'{args.output}: {len(xml.encode()):,} bytes', file=sys.stderr)
        print(f'posts {len(POSTS)} (CWA {sum(p.directorate == "CWA-SS" for p in POSTS)}, '
              f'BRD {sum(p.directorate == "BRD-SS" for p in POSTS)}, '
              f'JNT {sum(p.directorate == "JNT-SS" for p in POSTS)}); '
              f'Welsh title gaps {sum(p.cy is None for p in POSTS)}', file=sys.stderr)
        print(f'people {len(PEOPLE)} (CWA {sum(p.employer == "CWA" for p in PEOPLE)}, '
              f'BRD {sum(p.employer == "BRD" for p in PEOPLE)}); left {sum(bool(p.left) for p in PEOPLE)}; '
              f'Welsh-speaking preference {sum(p.lang == "cy" for p in PEOPLE)}', file=sys.stderr)
        print(f'layers {LAYERS}; managers {MANAGERS}', file=sys.stderr)
        for fy in (2013, 2014, 2015):
            print(f'net budget {fy}: £{money(net(lines, fy))}', file=sys.stderr)
        mgmt_savings = sum(s[4] for s in S if s[0] in ('SAV-14-01', 'SAV-14-02', 'SAV-14-03', 'SAV-14-04'))
        print(f'legacy management cost £{money(legacy_mgmt)}; savings targets '
              f'£{money(sum(s[4] for s in S))} (management £{money(mgmt_savings)})', file=sys.stderr)
        print(f'milestones {len(M)}; savings {len(S)}; budget lines {len(lines)}', file=sys.stderr)


if __name__ == '__main__':
    main()
