-- The default scoring policy, per 财预〔2020〕10号 (DESIGN §6): execution rate 10, output 50 (cost
-- indicators count within it), benefit 30, satisfaction 10; reverse indicators linear; qualitative
-- tiers 80–100 / 60–<80 / 0–<60 % of the weight; grades 优 ≥90, 良 ≥80, 中 ≥60, 差 below.
insert into scoring_policy (name, definition, created_at, created_by) values ('财预〔2020〕10号', '{
  "name": "财预〔2020〕10号",
  "groupWeights": {"EXECUTION_RATE": 10, "OUTPUT": 50, "BENEFIT": 30, "SATISFACTION": 10},
  "reverseRule": "LINEAR",
  "qualitativeTiers": {
    "ACHIEVED": {"min": 0.8, "max": 1, "maxInclusive": true},
    "PARTLY_ACHIEVED": {"min": 0.6, "max": 0.8, "maxInclusive": false},
    "NOT_ACHIEVED": {"min": 0, "max": 0.6, "maxInclusive": false}
  },
  "gradeBands": [
    {"grade": "优", "minimum": 90}, {"grade": "良", "minimum": 80},
    {"grade": "中", "minimum": 60}, {"grade": "差", "minimum": 0}
  ],
  "executionExplanationBelow": 90,
  "overAchievementExplanationAt": 30
}', now(), 'flyway');
