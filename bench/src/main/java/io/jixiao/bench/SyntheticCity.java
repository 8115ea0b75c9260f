package io.jixiao.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.events.CloudEventHeaders;
import io.jixiao.events.EventSchemas;
import io.jixiao.events.EventTypes;

/**
 * A synthetic city: many departments shaped like the seed's department (怀化市工业和信息化局, the demo's
 * {@code hhgxj-2023.json}), written straight to Kafka as the events budget-service and indicator-service
 * would have published. It lets the read-model benchmarks (rebuild, freshness under load) run over a
 * million events without first pushing a million writes through the REST API.
 *
 * <p>The records are built exactly as the outbox relay builds them (CloudEvents binary mode: the same
 * {@code ce_} headers in the same order, the same keys, subjects and payload fields), so report-service
 * cannot tell them from real ones except by {@code ce_source}, which names this generator.
 *
 * <p>Deterministic: every department-year draws from its own {@link Random} seeded by the department's
 * index and the year, so the same department-year yields the same payloads (ids, names, amounts, dates)
 * whatever the rest of the shape. Only the event ids ({@code ce_id}) and {@code ce_time} differ between
 * runs: event ids must stay unique, because consumers deduplicate on them.
 */
public final class SyntheticCity {


    private static final long SEED = 20230630L;
    /** Schema-checking every event would dominate the run; the first ones of each type catch any shape bug. */
    private static final int VALIDATE_FIRST = 2000;
    private static final long PROGRESS_EVERY = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final MathContext EXACT = MathContext.DECIMAL128;

    /** The scoring policy the real indicator-service applies by default, and its group weights (DESIGN §6.1). */
    private static final String POLICY = "财预〔2020〕10号";
    private static final BigDecimal EXECUTION_WEIGHT = BigDecimal.TEN;
    private static final BigDecimal OUTPUT_WEIGHT = BigDecimal.valueOf(50);
    private static final BigDecimal BENEFIT_WEIGHT = BigDecimal.valueOf(30);
    private static final BigDecimal SATISFACTION_WEIGHT = BigDecimal.TEN;
    /** Half of the output group goes to the cost lines (which count within it), as in the seed (17 of 50). */
    private static final BigDecimal COST_LINES_SHARE = BigDecimal.valueOf(25);
    private static final BigDecimal EXECUTION_EXPLANATION_BELOW = BigDecimal.valueOf(90);

    /** The finance portal's service account registers, funds and declares; a department user does the rest. */
    private static final String PORTAL_SUBJECT = "bench-synthetic-city/finance-portal";
    private static final String DEPARTMENT_USER_SUBJECT = "bench-synthetic-city/department-user";

    private static final String TREASURY = "合成市财政局";
    private static final String FUNDING_LINE_NAME = "本年预算";

    /** Project subjects, from the seed's own project names. */
    private static final List<String> PROJECT_TOPICS = List.of(
            "工业运行监测协调", "安全生产", "电网供电能力提升", "新型基础设施建设", "节能监察", "产业园区提升",
            "技改税收增量奖补评价", "新型墙体材料推广", "传统工艺美术保护", "助企纾困", "智慧城市", "网络信息安全",
            "预拌砂浆规划编制", "人才柔性引进", "规模工业企业培育", "产业链招商", "中小企业创新大赛", "云计算中心算力平台",
            "惠企通平台", "全民健康信息平台", "雪亮工程基础平台", "数字经济发展", "专精特新企业培育", "工业互联网推广");

    private static final List<String> PAYEES = List.of(
            "合成市信息技术有限公司", "合成市印务有限公司", "合成市会展服务有限公司", "合成市供电公司",
            "合成市建设工程有限公司", "合成市工程咨询有限公司", "合成市政务服务中心");

    private static final List<String> PURPOSES = List.of(
            "办公用品采购", "会议费", "委托业务费", "专用材料费", "劳务费", "印刷费", "电费", "咨询服务费", "差旅费");

    /** The department-wide output indicators the seed states (name, unit). */
    private static final List<String[]> OUTPUT_MEASURES = List.<String[]>of(
            new String[] { "深入基层、企业、社区开展现场办公、政策宣传", "次" },
            new String[] { "协调解决问题", "个" },
            new String[] { "调查研究", "次" },
            new String[] { "税务金融、数字赋能等专场服务活动", "场次" },
            new String[] { "月度监测样本", "户" });

    /** The department-wide benefit (效益) indicators the seed states (name, level 2, unit). */
    private static final List<String[]> BENEFIT_MEASURES = List.<String[]>of(
            new String[] { "先进制造业产业链产值增长", "ECONOMIC", "%" },
            new String[] { "带动制造业增加值增长", "ECONOMIC", "%" },
            new String[] { "新进规模企业", "SOCIAL", "家" },
            new String[] { "净增规模工业企业", "SOCIAL", "家" });

    /**
     * The five project categories, weighted by the seed's project counts (12, 2, 8, 5, 7 of 34), each with
     * a budget range in yuan around the seed's own amounts, its fund source and how its names end.
     */
    private enum Category {
        OPENING_BUDGET(12, 100_000, 300_000, "市级一般公共预算财政拨款资金", "", List.of("专项工作经费", "专项经费", "工作经费")),
        NON_TAX_REVENUE(2, 20_000, 200_000, "纳入一般公共预算管理的非税收入", "", List.of("非税收入拨款项目")),
        MID_YEAR_ADJUSTMENT(8, 10_000, 400_000, "市级一般公共预算财政拨款资金", "{year}年", List.of("工作经费", "项目资金")),
        HIGHER_LEVEL_SPECIAL(5, 180_000, 1_500_000, "上级专项转移支付资金", "", List.of("奖励资金", "专项资金", "补助资金")),
        CARRY_OVER(7, 60_000, 3_800_000, "上年结转资金", "合成市", List.of("建设项目", "平台项目"));

        final int weight;
        final int minimumYuan;
        final int maximumYuan;
        final String fundSource;
        final String namePrefix;
        final List<String> nameSuffixes;

        Category(int weight, int minimumYuan, int maximumYuan, String fundSource, String namePrefix,
                List<String> nameSuffixes) {
            this.weight = weight;
            this.minimumYuan = minimumYuan;
            this.maximumYuan = maximumYuan;
            this.fundSource = fundSource;
            this.namePrefix = namePrefix;
            this.nameSuffixes = nameSuffixes;
        }

        static final int TOTAL_WEIGHT = Arrays.stream(values()).mapToInt(c -> c.weight).sum();
    }

    /**
     * How big the city is. Per department one DepartmentRegistered; per department-year one
     * DeclaredFiguresRecorded, {@code projectsPerDepartment} projects each with one ProjectRegistered and
     * {@code ledgerEntriesPerProject} money events (one arrival, then disbursements), and on
     * indicator.events two goals, a cost indicator per project, an output and a benefit indicator, an
     * actual for each indicator and the year's score.
     */
    public record Shape(int departments, int projectsPerDepartment, int ledgerEntriesPerProject, List<Integer> fiscalYears) {

        public Shape {
            if (departments < 1 || departments > 999) {
                throw new IllegalArgumentException("departments: 1 to 999 (codes SYN001..SYN999), not " + departments);
            }
            if (projectsPerDepartment < 1) {
                throw new IllegalArgumentException("projectsPerDepartment: at least 1, not " + projectsPerDepartment);
            }
            // the smallest budget (10 000 yuan) must still split into one-cent-or-more disbursements
            if (ledgerEntriesPerProject < 0 || ledgerEntriesPerProject > 10_000) {
                throw new IllegalArgumentException("ledgerEntriesPerProject: 0 to 10000, not " + ledgerEntriesPerProject);
            }
            if (fiscalYears == null || fiscalYears.isEmpty()
                    || fiscalYears.stream().anyMatch(y -> y == null || y < 2000 || y > 2100)) {
                throw new IllegalArgumentException("fiscalYears: one or more years in 2000..2100, not " + fiscalYears);
            }
            fiscalYears = List.copyOf(fiscalYears);
        }

        /** D + D·Y·(1 + P + P·L): registrations, declared figures, projects and their ledgers. */
        public long expectedBudgetEvents() {
            long departmentYears = (long) departments * fiscalYears.size();
            long p = projectsPerDepartment;
            return departments + departmentYears * (1 + p + p * ledgerEntriesPerProject);
        }

        /** D·Y·(2P + 7): 2 goals, P + 2 indicators, P + 2 actuals and 1 score per department-year. */
        public long expectedIndicatorEvents() {
            long departmentYears = (long) departments * fiscalYears.size();
            return departmentYears * (2L * projectsPerDepartment + 7);
        }
    }

    /** What a run sent, and how long it took from the producer's start to the last acknowledgement. */
    public record Produced(long budgetEvents, long indicatorEvents, long millis) {
        public long total() {
            return budgetEvents + indicatorEvents;
        }
    }

    /**
     * Writes the whole city for the shape: budget events to {@code budgetTopic}, indicator events to
     * {@code indicatorTopic}. Returns once the broker has acknowledged every record; throws
     * {@link IllegalStateException} if a payload breaks its schema or the broker refuses a record.
     */
    public static Produced produce(String bootstrapServers, String budgetTopic, String indicatorTopic, Shape shape) {
        try (Publisher publisher = new Publisher(bootstrapServers, budgetTopic, indicatorTopic)) {
            int firstYear = Collections.min(shape.fiscalYears());
            for (int index = 1; index <= shape.departments(); index++) {
                String code = departmentCode(index);
                registerDepartment(publisher, code, departmentName(index), LocalDate.of(firstYear, 1, 1));
                for (int year : shape.fiscalYears()) {
                    DepartmentYear departmentYear = planYear(index, year, shape);
                    publishYear(publisher, departmentYear);
                }
            }
            publisher.finish();
            if (publisher.budgetEvents != shape.expectedBudgetEvents()
                    || publisher.indicatorEvents != shape.expectedIndicatorEvents()) {
                throw new IllegalStateException("sent " + publisher.budgetEvents + " budget and " + publisher.indicatorEvents
                        + " indicator events, expected " + shape.expectedBudgetEvents() + " and "
                        + shape.expectedIndicatorEvents());
            }
            return new Produced(publisher.budgetEvents, publisher.indicatorEvents, publisher.elapsedMillis());
        }
    }

    /** SYN001, SYN002, …: upper-case letters and digits, as the departmentCode schema wants. */
    public static String departmentCode(int index) {
        return String.format("SYN%03d", index);
    }

    private static String departmentName(int index) {
        return String.format("合成市第%03d局", index);
    }

    // ---------------------------------------------------------------- planning (deterministic, no I/O)

    /** One department's year, planned in full before anything is sent: the declared figures need its totals. */
    private record DepartmentYear(String code, String name, int year, List<PlannedProject> projects, Random random) {

        BigDecimal budget() {
            return projects.stream().map(PlannedProject::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal spent() {
            return projects.stream().map(PlannedProject::spent).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal arrived() {
            return projects.stream().map(PlannedProject::arrived).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * A project with its single funding line ("本年预算", the whole budget) and its ledger: one arrival of
     * the whole budget (if the shape has any ledger entries) and the disbursements after it.
     */
    private record PlannedProject(UUID id, UUID fundingLineId, UUID costIndicatorId, String name, String topic,
            Category category, BigDecimal budget, boolean funded, List<BigDecimal> disbursements, String legalBasis) {

        BigDecimal arrived() {
            return funded ? budget : BigDecimal.ZERO.setScale(2);
        }

        BigDecimal spent() {
            return disbursements.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    private static DepartmentYear planYear(int index, int year, Shape shape) {
        // a seed per department-year keeps its payloads the same whatever the rest of the shape
        Random random = new Random(SEED * 1_000_003L + index * 10_007L + year);
        List<PlannedProject> projects = new ArrayList<>(shape.projectsPerDepartment());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < shape.projectsPerDepartment(); i++) {
            projects.add(planProject(random, year, i, names, shape.ledgerEntriesPerProject()));
        }
        return new DepartmentYear(departmentCode(index), departmentName(index), year, projects, random);
    }

    private static PlannedProject planProject(Random random, int year, int position, Set<String> names, int ledgerEntries) {
        Category category = drawCategory(random);
        String topic = PROJECT_TOPICS.get(random.nextInt(PROJECT_TOPICS.size()));
        String name = uniqueName(names, category.namePrefix.replace("{year}", Integer.toString(year)) + topic
                + category.nameSuffixes.get(random.nextInt(category.nameSuffixes.size())));
        BigDecimal budget = drawBudget(random, category);
        List<BigDecimal> disbursements = ledgerEntries > 1 ? splitSpending(random, budget, ledgerEntries - 1) : List.of();
        int documentYear = category == Category.CARRY_OVER ? year - 1 : year;
        String legalBasis = "合成市人民政府办公室关于印发《合成市" + topic + "工作实施方案》的通知(合政办发〔" + documentYear
                + "〕" + (position + 1) + "号)";
        return new PlannedProject(uuid(random), uuid(random), uuid(random), name, topic, category, budget,
                ledgerEntries > 0, disbursements, legalBasis);
    }

    private static Category drawCategory(Random random) {
        int draw = random.nextInt(Category.TOTAL_WEIGHT);
        for (Category category : Category.values()) {
            draw -= category.weight;
            if (draw < 0) {
                return category;
            }
        }
        throw new AssertionError("weights add up to TOTAL_WEIGHT");
    }

    /** Whole hundreds of yuan, as the seed's budgets are (110000.00, 854800.00, 20100.00). */
    private static BigDecimal drawBudget(Random random, Category category) {
        int steps = (category.maximumYuan - category.minimumYuan) / 100;
        long yuan = category.minimumYuan + 100L * random.nextInt(steps + 1);
        return BigDecimal.valueOf(yuan).setScale(2);
    }

    /** A second project of the same name in one department-year reads as a later batch, as the seed's (一)/(二) do. */
    private static String uniqueName(Set<String> names, String name) {
        String candidate = name;
        for (int batch = 2; !names.add(candidate); batch++) {
            candidate = name + "(第" + batch + "批)";
        }
        return candidate;
    }

    /**
     * Disbursements that add up to 85–99% of the budget (the seed spent 93.48%), so the project stays
     * within its funds and some department-years fall under the 90% line that needs an explanation. Each share is cut down to
     * the cent, so the sum never exceeds the spending planned, and each is at least one cent.
     */
    private static List<BigDecimal> splitSpending(Random random, BigDecimal budget, int count) {
        BigDecimal planned = budget.multiply(BigDecimal.valueOf(85 + random.nextInt(15)))
                .divide(HUNDRED, 2, RoundingMode.DOWN);
        int[] shares = new int[count];
        long shareTotal = 0;
        for (int i = 0; i < count; i++) {
            shares[i] = 100 + random.nextInt(100);
            shareTotal += shares[i];
        }
        BigDecimal whole = BigDecimal.valueOf(shareTotal);
        BigDecimal cent = new BigDecimal("0.01");
        List<BigDecimal> amounts = new ArrayList<>(count);
        for (int share : shares) {
            BigDecimal amount = planned.multiply(BigDecimal.valueOf(share)).divide(whole, 2, RoundingMode.DOWN);
            amounts.add(amount.max(cent));
        }
        return amounts;
    }

    /** A version-4 UUID from the seeded generator, so that ids repeat from run to run. */
    private static UUID uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    // ---------------------------------------------------------------- the year, as events

    /**
     * In the order the platform would publish them: the portal declares the year and registers the
     * projects, the treasury funds them, the department spends, defines its goals and indicators,
     * records the actuals and scores the year.
     */
    private static void publishYear(Publisher publisher, DepartmentYear year) {
        declareFigures(publisher, year);
        for (PlannedProject project : year.projects()) {
            registerProject(publisher, year, project);
            recordLedger(publisher, year, project);
        }
        defineGoals(publisher, year);
        for (PlannedProject project : year.projects()) {
            defineCostIndicator(publisher, year, project);
        }
        DepartmentIndicator output = outputIndicator(year);
        DepartmentIndicator benefit = benefitIndicator(year);
        defineDepartmentIndicator(publisher, year, output);
        defineDepartmentIndicator(publisher, year, benefit);
        scoreYear(publisher, year, output, benefit);
    }

    private static void registerDepartment(Publisher publisher, String code, String name, LocalDate registeredOn) {
        ObjectNode payload = JSON.createObjectNode()
                .put("departmentCode", code)
                .put("name", name)
                .put("businessDate", registeredOn.toString());
        payload.set("actor", actor(null));
        publisher.departmentBudgetEvent(EventTypes.DEPARTMENT_REGISTERED, code, payload);
    }

    /** What the portal declares for the year: here it agrees with the line items, and all of it was allocated. */
    private static void declareFigures(Publisher publisher, DepartmentYear year) {
        BigDecimal approved = year.budget();
        ObjectNode payload = JSON.createObjectNode()
                .put("departmentCode", year.code())
                .put("fiscalYear", year.year())
                .put("approvedTotal", yuan(approved))
                .put("projectCount", year.projects().size())
                .put("fundsAllocated", yuan(approved))
                .put("businessDate", LocalDate.of(year.year(), 1, 10).toString());
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            counts.put(category, 0);
        }
        year.projects().forEach(p -> counts.merge(p.category(), 1, Integer::sum));
        ObjectNode projectCounts = payload.putObject("projectCounts");
        counts.forEach((category, count) -> projectCounts.put(category.name(), count));
        payload.set("actor", actor(null));
        publisher.departmentBudgetEvent(EventTypes.DECLARED_FIGURES_RECORDED, year.code(), payload);
    }

    private static void registerProject(Publisher publisher, DepartmentYear year, PlannedProject project) {
        ObjectNode payload = projectHeader(year, project, LocalDate.of(year.year(), 1, 15))
                .put("name", project.name())
                .put("category", project.category().name())
                .put("fundSource", project.category().fundSource)
                .put("legalBasis", project.legalBasis())
                .put("paidOnBehalf", false)
                .putNull("parentProjectId")
                .put("budget", yuan(project.budget()));
        ObjectNode line = payload.putArray("fundingLines").addObject()
                .put("fundingLineId", project.fundingLineId().toString())
                .put("name", FUNDING_LINE_NAME)
                .put("amount", yuan(project.budget()));
        line.putNull("carriedOverFromYear");
        payload.set("actor", actor(null));
        publisher.projectBudgetEvent(EventTypes.PROJECT_REGISTERED, project.id(), payload);
    }

    /**
     * The arrival of the whole budget at the end of March, then the disbursements spread over the days up
     * to 20 December. Each event carries the line's and the project's totals after it, as budget-service's
     * do (one line, so the two agree).
     */
    private static void recordLedger(Publisher publisher, DepartmentYear year, PlannedProject project) {
        if (!project.funded()) {
            return;
        }
        Random random = year.random();
        LocalDate arrivedOn = LocalDate.of(year.year(), 3, 31);
        BigDecimal spent = BigDecimal.ZERO.setScale(2);
        ObjectNode arrival = moneyHeader(year, project, arrivedOn, uuid(random), project.budget())
                .put("source", TREASURY)
                .putNull("reference");
        publisher.projectBudgetEvent(EventTypes.FUNDS_ARRIVED, project.id(),
                withTotals(arrival, project.budget(), project.budget(), spent, null));

        List<BigDecimal> disbursements = project.disbursements();
        long days = arrivedOn.until(LocalDate.of(year.year(), 12, 20), ChronoUnit.DAYS);
        for (int i = 0; i < disbursements.size(); i++) {
            BigDecimal amount = disbursements.get(i);
            spent = spent.add(amount);
            LocalDate spentOn = arrivedOn.plusDays(1 + (days - 1) * i / Math.max(1, disbursements.size() - 1));
            ObjectNode disbursement = moneyHeader(year, project, spentOn, uuid(random), amount)
                    .put("payee", PAYEES.get(random.nextInt(PAYEES.size())))
                    .put("purpose", project.topic() + PURPOSES.get(random.nextInt(PURPOSES.size())))
                    .putNull("voucherNumber");
            publisher.projectBudgetEvent(EventTypes.FUNDS_SPENT, project.id(),
                    withTotals(disbursement, project.budget(), project.budget(), spent, year.code()));
        }
    }

    private static ObjectNode projectHeader(DepartmentYear year, PlannedProject project, LocalDate businessDate) {
        return JSON.createObjectNode()
                .put("departmentCode", year.code())
                .put("fiscalYear", year.year())
                .put("projectId", project.id().toString())
                .put("businessDate", businessDate.toString());
    }

    private static ObjectNode moneyHeader(DepartmentYear year, PlannedProject project, LocalDate businessDate,
            UUID entryId, BigDecimal amount) {
        return projectHeader(year, project, businessDate)
                .put("entryId", entryId.toString())
                .put("fundingLineId", project.fundingLineId().toString())
                .put("amount", yuan(amount));
    }

    /** lineTotals, projectTotals and actor close every money event, in budget-service's field order. */
    private static ObjectNode withTotals(ObjectNode payload, BigDecimal budget, BigDecimal arrived, BigDecimal spent,
            String actorDepartment) {
        payload.set("lineTotals", totals(budget, arrived, spent));
        payload.set("projectTotals", totals(budget, arrived, spent));
        payload.set("actor", actor(actorDepartment));
        return payload;
    }

    private static ObjectNode totals(BigDecimal budget, BigDecimal arrived, BigDecimal spent) {
        return JSON.createObjectNode()
                .put("budget", yuan(budget))
                .put("arrived", yuan(arrived))
                .put("spent", yuan(spent));
    }

    // ---------------------------------------------------------------- goals, indicators, score

    /** Two department-wide goals (绩效目标), as the seed's goals section opens. */
    private static void defineGoals(Publisher publisher, DepartmentYear year) {
        List<String> texts = List.of(
                "围绕" + year.name() + year.year() + "年度重点工作，保障" + year.projects().size()
                        + "个项目资金及时到位、规范使用，预算执行率不低于90%。",
                "聚焦新型制造业产业链高质量发展，推进数字产业化和产业数字化，开展助企纾困行动，为企业提供一站式服务。");
        for (int position = 0; position < texts.size(); position++) {
            ObjectNode payload = indicatorHeader(year, null)
                    .put("goalId", uuid(year.random()).toString())
                    .put("text", texts.get(position))
                    .put("position", position);
            payload.set("actor", actor(year.code()));
            publisher.departmentIndicatorEvent(EventTypes.GOAL_DEFINED, year.code(), payload);
        }
    }

    /**
     * The project's cost line (成本指标 / 经济成本指标, "≤ budget 万元"), fed by the ledger as the real
     * indicator-service does, followed by its actual: the money spent, in 万元. Spending stays under the
     * budget, so every cost line scores its full weight.
     */
    private static void defineCostIndicator(Publisher publisher, DepartmentYear year, PlannedProject project) {
        BigDecimal weight = costLineWeight(year);
        ObjectNode definition = indicatorHeader(year, project.id())
                .put("indicatorId", project.costIndicatorId().toString())
                .put("level1", "COST")
                .put("level2", "ECONOMIC_COST")
                .put("name", project.name())
                .put("direction", "LE")
                .put("target", plain(project.budget().divide(TEN_THOUSAND)))
                .putNull("targetText")
                .put("unit", "万元")
                .put("weight", plain(weight))
                .put("notApplicable", false)
                .put("actualSource", "LEDGER")
                .put("ledgerMeasure", "SPENT")
                .put("fundingLineId", project.fundingLineId().toString());
        definition.set("actor", actor(year.code()));
        publisher.projectIndicatorEvent(EventTypes.INDICATOR_DEFINED, project.id(), definition);

        ObjectNode actual = actualPayload(year, project.id(), project.costIndicatorId(),
                project.spent().divide(TEN_THOUSAND), "LEDGER");
        publisher.projectIndicatorEvent(EventTypes.INDICATOR_ACTUAL_CHANGED, project.id(), actual);
    }

    /** A department-wide indicator, planned so that its definition, actual and score agree. */
    private record DepartmentIndicator(UUID id, String level1, String level2, String name, String unit,
            BigDecimal target, BigDecimal actual, BigDecimal weight) {

        /** ≥ target: weight × min(actual ÷ target, 1) (DESIGN §6.2). */
        BigDecimal score() {
            return weight.multiply(actual.divide(target, EXACT).min(BigDecimal.ONE), EXACT);
        }
    }

    /** The output group (50) less what the cost lines take. */
    private static DepartmentIndicator outputIndicator(DepartmentYear year) {
        Random random = year.random();
        String[] measure = OUTPUT_MEASURES.get(random.nextInt(OUTPUT_MEASURES.size()));
        BigDecimal target = BigDecimal.valueOf(50 + random.nextInt(101));
        BigDecimal actual = nearTarget(random, target, 0);
        BigDecimal costLines = costLineWeight(year).multiply(BigDecimal.valueOf(year.projects().size()));
        return new DepartmentIndicator(uuid(random), "OUTPUT", "QUANTITY", measure[0], measure[1], target, actual,
                OUTPUT_WEIGHT.subtract(costLines));
    }

    /** The benefit group's whole weight (30) on one 效益 indicator. */
    private static DepartmentIndicator benefitIndicator(DepartmentYear year) {
        Random random = year.random();
        String[] measure = BENEFIT_MEASURES.get(random.nextInt(BENEFIT_MEASURES.size()));
        boolean percent = measure[2].equals("%");
        BigDecimal target = percent ? BigDecimal.valueOf(50 + random.nextInt(101), 1)
                : BigDecimal.valueOf(20 + random.nextInt(131));
        BigDecimal actual = nearTarget(random, target, percent ? 1 : 0);
        return new DepartmentIndicator(uuid(random), "BENEFIT", measure[1], measure[0], measure[2], target, actual,
                BENEFIT_WEIGHT);
    }

    /** 95–110% of the target: some shortfall to score, never the 30% over-achievement that needs explaining. */
    private static BigDecimal nearTarget(Random random, BigDecimal target, int scale) {
        return target.multiply(BigDecimal.valueOf(95 + random.nextInt(16))).divide(HUNDRED, scale, RoundingMode.HALF_UP);
    }

    private static void defineDepartmentIndicator(Publisher publisher, DepartmentYear year, DepartmentIndicator indicator) {
        ObjectNode definition = indicatorHeader(year, null)
                .put("indicatorId", indicator.id().toString())
                .put("level1", indicator.level1())
                .put("level2", indicator.level2())
                .put("name", indicator.name())
                .put("direction", "GE")
                .put("target", plain(indicator.target()))
                .putNull("targetText")
                .put("unit", indicator.unit())
                .put("weight", plain(indicator.weight()))
                .put("notApplicable", false)
                .put("actualSource", "ENTERED")
                .putNull("ledgerMeasure")
                .putNull("fundingLineId");
        definition.set("actor", actor(year.code()));
        publisher.departmentIndicatorEvent(EventTypes.INDICATOR_DEFINED, year.code(), definition);
        publisher.departmentIndicatorEvent(EventTypes.INDICATOR_ACTUAL_CHANGED, year.code(),
                actualPayload(year, null, indicator.id(), indicator.actual(), "ENTERED"));
    }

    private static ObjectNode actualPayload(DepartmentYear year, UUID projectId, UUID indicatorId, BigDecimal actual,
            String actualSource) {
        ObjectNode payload = indicatorHeader(year, projectId)
                .put("indicatorId", indicatorId.toString())
                .put("actual", plain(actual))
                .putNull("actualText")
                .putNull("numerator")
                .putNull("denominator")
                .putNull("qualitativeTier")
                .putNull("qualitativeScore")
                .put("actualSource", actualSource)
                .putNull("deviationReason")
                .putNull("remedy");
        payload.set("actor", actor(year.code()));
        return payload;
    }

    /**
     * The year's score as indicator-service's scorer would compute it under 财预〔2020〕10号: execution rate
     * 10 × min(spent ÷ budget, 1); cost lines (full, being within budget) and the output indicator in the
     * output group; the benefit indicator; no satisfaction indicator, so the applicable 90 points are
     * rescaled to 100. A rate under 90% carries the explanation the scorer would require.
     */
    private static void scoreYear(Publisher publisher, DepartmentYear year, DepartmentIndicator output,
            DepartmentIndicator benefit) {
        BigDecimal budget = year.budget();
        BigDecimal executionRate = budget.signum() == 0 ? null : year.spent().multiply(HUNDRED).divide(budget, EXACT);
        BigDecimal executionScore = executionRate == null ? BigDecimal.ZERO
                : EXECUTION_WEIGHT.multiply(executionRate.divide(HUNDRED, EXACT).min(BigDecimal.ONE), EXACT);
        BigDecimal costLine = costLineWeight(year);
        BigDecimal outputScore = costLine.multiply(BigDecimal.valueOf(year.projects().size())).add(output.score());
        BigDecimal benefitScore = benefit.score();
        BigDecimal applicable = EXECUTION_WEIGHT.add(OUTPUT_WEIGHT).add(BENEFIT_WEIGHT);
        BigDecimal possible = applicable.add(SATISFACTION_WEIGHT);
        BigDecimal total = executionScore.add(outputScore).add(benefitScore).multiply(possible).divide(applicable, EXACT);

        ObjectNode payload = indicatorHeader(year, null)
                .put("scoreId", uuid(year.random()).toString())
                .put("policy", POLICY)
                .put("total", shown(total))
                .put("grade", grade(total))
                .put("executionRate", executionRate == null ? null : shown(executionRate));
        ArrayNode groups = payload.putArray("groups");
        group(groups, "EXECUTION_RATE", EXECUTION_WEIGHT, executionScore);
        group(groups, "OUTPUT", OUTPUT_WEIGHT, outputScore);
        group(groups, "BENEFIT", BENEFIT_WEIGHT, benefitScore);
        group(groups, "SATISFACTION", SATISFACTION_WEIGHT, BigDecimal.ZERO);
        ArrayNode indicators = payload.putArray("indicators");
        for (PlannedProject project : year.projects()) {
            scoredIndicator(indicators, project.costIndicatorId(), costLine, costLine);
        }
        scoredIndicator(indicators, output.id(), output.weight(), output.score());
        scoredIndicator(indicators, benefit.id(), benefit.weight(), benefit.score());
        ArrayNode explanations = payload.putArray("requiredExplanations");
        if (executionRate != null && executionRate.compareTo(EXECUTION_EXPLANATION_BELOW) < 0) {
            explanations.addObject()
                    .put("code", "EXECUTION_RATE_BELOW_THRESHOLD")
                    .putNull("indicatorId")
                    .put("message", "the execution rate is " + executionRate.setScale(2, RoundingMode.HALF_UP).toPlainString()
                            + "%, under 90%: explain why before submitting");
        }
        payload.set("actor", actor(year.code()));
        publisher.departmentIndicatorEvent(EventTypes.DEPARTMENT_YEAR_SCORED, year.code(), payload);
    }

    private static void group(ArrayNode groups, String group, BigDecimal weight, BigDecimal score) {
        groups.addObject().put("group", group).put("weight", plain(weight)).put("score", shown(score));
    }

    private static void scoredIndicator(ArrayNode indicators, UUID id, BigDecimal weight, BigDecimal score) {
        indicators.addObject().put("indicatorId", id.toString()).put("weight", plain(weight)).put("score", shown(score));
    }

    /**
     * Each cost line's weight: the 25 points of the output group set aside for cost lines, shared by the
     * projects and cut to 4 decimals so that the output indicator's remainder keeps the group at exactly 50.
     */
    private static BigDecimal costLineWeight(DepartmentYear year) {
        return COST_LINES_SHARE.divide(BigDecimal.valueOf(year.projects().size()), 4, RoundingMode.DOWN);
    }

    /** 优 90–100, 良 80–<90, 中 60–<80, 差 <60, on the total as shown (DESIGN §6.3). */
    private static String grade(BigDecimal total) {
        BigDecimal shown = total.setScale(2, RoundingMode.HALF_UP);
        if (shown.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return "优";
        }
        if (shown.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return "良";
        }
        return shown.compareTo(BigDecimal.valueOf(60)) >= 0 ? "中" : "差";
    }

    /** indicator-service's header: the project id is null for department-wide goals, indicators and scores. */
    private static ObjectNode indicatorHeader(DepartmentYear year, UUID projectId) {
        return JSON.createObjectNode()
                .put("departmentCode", year.code())
                .put("fiscalYear", year.year())
                .put("projectId", projectId == null ? null : projectId.toString())
                .put("businessDate", LocalDate.of(year.year(), 12, 31).toString());
    }

    // ---------------------------------------------------------------- formats

    /** The portal's service account has no department; a department user carries theirs. */
    private static ObjectNode actor(String department) {
        return JSON.createObjectNode()
                .put("subject", department == null ? PORTAL_SUBJECT : DEPARTMENT_USER_SUBJECT)
                .put("department", department);
    }

    /** Yuan as the events carry it (service-common's Yuan.format): exactly 2 decimals, never rounded. */
    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Non-money quantities (service-common's Decimals.plain): no trailing zeros, no exponent. */
    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Scores and rates as the scorer shows them: rounded half-up to 2 decimals, then plain. */
    private static String shown(BigDecimal value) {
        return plain(value.setScale(2, RoundingMode.HALF_UP));
    }

    // ---------------------------------------------------------------- Kafka

    /**
     * The one producer of a run, building records as OutboxPublisher does. One producer with idempotence
     * and at most 5 requests in flight keeps each key's records in the order they were sent, which is
     * what report-service relies on (a project's registration before its money, a definition before its
     * actual). Unlike the relay it does not wait for each wave: throughput is the point here, and order
     * per partition already holds.
     */
    private static final class Publisher implements AutoCloseable {

        private static final DateTimeFormatter CE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

        private final KafkaProducer<String, byte[]> producer;
        private final String budgetTopic;
        private final String indicatorTopic;
        private final Map<String, long[]> sentByType = new HashMap<>();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final long started = System.nanoTime();
        private long finished;
        long budgetEvents;
        long indicatorEvents;

        Publisher(String bootstrapServers, String budgetTopic, String indicatorTopic) {
            this.budgetTopic = budgetTopic;
            this.indicatorTopic = indicatorTopic;
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            // the payload goes straight to UTF-8 bytes: the same bytes the relay's String serializer sends,
            // without first building a String of the mostly-Chinese JSON and encoding it again
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            // big batches, briefly held: the broker takes far fewer requests for the same records
            props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
            // the relay does not compress either, so the topics hold what they would hold in production
            // (and the local broker, started from the Maven Central jars, may lack the lz4 codec)
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-synthetic-city");
            this.producer = new KafkaProducer<>(props);
        }

        void projectBudgetEvent(String type, UUID projectId, ObjectNode payload) {
            send(budgetTopic, type, projectId.toString(), "project/" + projectId, payload);
            budgetEvents++;
        }

        void departmentBudgetEvent(String type, String departmentCode, ObjectNode payload) {
            send(budgetTopic, type, departmentCode, "department/" + departmentCode, payload);
            budgetEvents++;
        }

        void projectIndicatorEvent(String type, UUID projectId, ObjectNode payload) {
            send(indicatorTopic, type, projectId.toString(), "project/" + projectId, payload);
            indicatorEvents++;
        }

        void departmentIndicatorEvent(String type, String departmentCode, ObjectNode payload) {
            send(indicatorTopic, type, departmentCode, "department/" + departmentCode, payload);
            indicatorEvents++;
        }

        private void send(String topic, String type, String key, String subject, ObjectNode payload) {
            checkNoFailure();
            long[] sent = sentByType.computeIfAbsent(type, t -> new long[1]);
            if (sent[0]++ < VALIDATE_FIRST) {
                List<String> violations = EventSchemas.instance().violations(type, payload);
                if (!violations.isEmpty()) {
                    throw new IllegalStateException(type + " payload breaks its schema: " + violations + " in " + payload);
                }
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, utf8Json(payload));
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
            header(record, CloudEventHeaders.TYPE, type);
            // as the owning service would: a consumer takes a type only from its owner's source
            header(record, CloudEventHeaders.SOURCE, EventTypes.sourceOf(type));
            header(record, CloudEventHeaders.SUBJECT, subject);
            // microseconds, as the relay's times are (they come from a PostgreSQL timestamptz)
            header(record, CloudEventHeaders.TIME,
                    CE_TIME.format(Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)));
            header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            producer.send(record, (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
            long total = budgetEvents + indicatorEvents + 1;
            if (total % PROGRESS_EVERY == 0) {
                long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
                System.out.printf("synthetic city: %,d events sent (%,d/s)%n", total, total * 1000 / millis);
            }
        }

        private static byte[] utf8Json(ObjectNode payload) {
            try {
                return JSON.writeValueAsBytes(payload);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings and numbers always serializes", e);
            }
        }

        private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }

        /** Waits for every acknowledgement; the run's time ends here. */
        void finish() {
            producer.flush();
            finished = System.nanoTime();
            checkNoFailure();
        }

        long elapsedMillis() {
            return (finished - started) / 1_000_000;
        }

        private void checkNoFailure() {
            Exception e = failure.get();
            if (e != null) {
                throw new IllegalStateException("the broker refused a synthetic event: " + e, e);
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(10));
        }
    }

    private SyntheticCity() {
    }
}
