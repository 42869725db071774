package io.jixiao.framework;

import io.jixiao.common.AuditContext;
import io.jixiao.common.Outcome;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.ExpectedVersion;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.organisation.OrganisationDirectory;
import io.jixiao.organisation.OrganisationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Indicator frameworks: bureaus write drafts and publish them; a published version is immutable
 * (a change is a new draft, the next version of the same key). Everyone authenticated reads.
 */
@ApplicationScoped
public class FrameworkService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

    static final String CREATE_OPERATION = "createFramework";
    static final BigDecimal FULL_MARKS = new BigDecimal("100.00");

    /** A framework version with its items in order. */
    public record WithItems(Framework framework, List<FrameworkItem> items) {}

    @Inject
    FrameworkRepository frameworks;

    @Inject
    IdempotencyService idempotency;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    AuditContext audit;

    @Transactional
    public Page<Framework> list(String key, FrameworkStatus status, String cursor, int limit) {
        Long after = cursor == null ? null : Cursors.decodeLong(cursor);
        return Page.of(frameworks.list(key, status, after, limit + 1), limit, f -> String.valueOf(f.seq));
    }

    @Transactional
    public WithItems get(UUID id) {
        Framework framework = find(id);
        return new WithItems(framework, frameworks.items(id));
    }

    /** Item code → maximum points of one party's sub-tree. */
    @Transactional
    public Map<String, BigDecimal> maxPointsOf(UUID frameworkId, Party party) {
        Map<String, BigDecimal> max = new LinkedHashMap<>();
        for (ItemMax item : itemMaxima(frameworkId)) {
            if (item.party() == party) {
                max.put(item.code(), item.maxPoints());
            }
        }
        return max;
    }

    /** An item's code and maximum, in the framework's order. */
    private record ItemMax(Party party, String code, BigDecimal maxPoints) {}

    /**
     * The items of published frameworks, read once per framework: a PUBLISHED framework never
     * changes again (replace and publish both need a DRAFT, and no operation turns it back), and
     * evaluations pin only published ones, so every score write would otherwise load the same
     * items. The status is read before the items, so a framework is kept only once it is frozen;
     * drafts are read each time. Bounded by the number of published framework versions.
     */
    private final Map<UUID, List<ItemMax>> published = new java.util.concurrent.ConcurrentHashMap<>();

    private List<ItemMax> itemMaxima(UUID frameworkId) {
        List<ItemMax> known = published.get(frameworkId);
        if (known != null) {
            return known;
        }
        boolean frozen = frameworks
                .findByIdOptional(frameworkId)
                .filter(f -> f.status == FrameworkStatus.PUBLISHED)
                .isPresent();
        List<ItemMax> items = frameworks.items(frameworkId).stream()
                .map(i -> new ItemMax(i.party, i.code, i.maxPoints))
                .toList();
        if (frozen) {
            published.putIfAbsent(frameworkId, items);
        }
        return items;
    }

    /** Whether the framework version exists and is published (evaluations pin only those). */
    @Transactional
    public boolean isPublished(UUID id) {
        return frameworks
                .findByIdOptional(id)
                .filter(f -> f.status == FrameworkStatus.PUBLISHED)
                .isPresent();
    }

    @Transactional
    public Outcome<WithItems> create(Caller caller, FrameworkTree tree, String idempotencyKey) {
        requireBureau(caller);
        if (!organisations.isRegisteredAs(caller.organisationCode(), OrganisationType.BUREAU)) {
            throw new Forbidden(
                    "Frameworks are drafted by registered bureaus; " + caller.organisationCode() + " is not one.");
        }
        return idempotency.once(
                caller,
                CREATE_OPERATION,
                idempotencyKey,
                tree.toString(),
                this::get,
                () -> createDraft(caller, tree),
                created -> created.framework().id);
    }

    private WithItems createDraft(Caller caller, FrameworkTree tree) {
        List<FrameworkTree.FlatItem> items = validate(tree);
        if (frameworks.count("key = ?1 and status = ?2", tree.key(), FrameworkStatus.DRAFT) > 0) {
            throw new Conflict("Framework " + tree.key() + " already has a draft; edit that one.");
        }
        Framework framework = new Framework();
        framework.id = UUID.randomUUID();
        framework.key = tree.key();
        framework.frameworkVersion = frameworks.latestVersion(tree.key()) + 1;
        framework.name = tree.name();
        framework.status = FrameworkStatus.DRAFT;
        framework.createdAt = audit.now();
        framework.createdBy = caller.username();
        framework.ownerCode = caller.organisationCode();
        frameworks.persist(framework);
        storeItems(framework.id, items);
        frameworks.flush();
        trail.record("createFramework", io.jixiao.audit.AuditSubject.framework(framework.id));
        return new WithItems(framework, frameworks.items(framework.id));
    }

    @Transactional
    public WithItems replace(Caller caller, UUID id, FrameworkTree tree, ExpectedVersion expectedVersion) {
        requireBureau(caller);
        Framework framework = find(id);
        requireOwner(caller, framework);
        requireDraft(framework);
        Versions.requireCurrent(expectedVersion, framework.version, "framework");
        if (!framework.key.equals(tree.key())) {
            throw InvalidInput.of("key", "a version keeps its framework's key (" + framework.key + ")");
        }
        List<FrameworkTree.FlatItem> items = validate(tree);
        framework.name = tree.name();
        frameworks.deleteItems(id);
        storeItems(id, items);
        frameworks.getEntityManager().lock(framework, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        frameworks.flush();
        trail.record("replaceFramework", io.jixiao.audit.AuditSubject.framework(id));
        return new WithItems(framework, frameworks.items(id));
    }

    @Transactional
    public WithItems publish(Caller caller, UUID id, ExpectedVersion expectedVersion) {
        requireBureau(caller);
        Framework framework = find(id);
        requireOwner(caller, framework);
        requireDraft(framework);
        Versions.requireCurrent(expectedVersion, framework.version, "framework");
        List<FrameworkItem> items = frameworks.items(id);
        Map<Party, BigDecimal> sums = new EnumMap<>(Party.class);
        items.forEach(item -> sums.merge(item.party, item.maxPoints, BigDecimal::add));
        List<FieldProblem> problems = new ArrayList<>();
        for (Party party : Party.values()) {
            BigDecimal sum = sums.getOrDefault(party, BigDecimal.ZERO);
            if (sum.compareTo(FULL_MARKS) != 0) {
                problems.add(new FieldProblem(
                        party.name(),
                        "items sum to " + sum.toPlainString() + " points; each party's items must sum to exactly 100"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidState(
                    "The framework cannot be published: " + problems.size() + " part(ies) do not sum to 100.",
                    framework.status.name(),
                    problems);
        }
        framework.status = FrameworkStatus.PUBLISHED;
        framework.publishedAt = audit.now();
        framework.publishedBy = caller.username();
        frameworks.flush();
        trail.record("publishFramework", io.jixiao.audit.AuditSubject.framework(id));
        return new WithItems(framework, items);
    }

    private Framework find(UUID id) {
        return frameworks.findByIdOptional(id).orElseThrow(() -> new NotFound("Framework " + id + " was not found."));
    }

    private static void requireBureau(Caller caller) {
        if (!caller.has(Roles.BUREAU)) {
            throw new Forbidden("Only a bureau manages frameworks.");
        }
    }

    private static void requireOwner(Caller caller, Framework framework) {
        if (framework.ownerCode == null || !caller.actsFor(framework.ownerCode)) {
            throw new Forbidden("Only the bureau that drafted this framework version ("
                    + (framework.ownerCode == null ? "shipped as data" : framework.ownerCode) + ") changes it.");
        }
    }

    private static void requireDraft(Framework framework) {
        if (framework.status != FrameworkStatus.DRAFT) {
            throw new InvalidState(
                    "Framework " + framework.key + " v" + framework.frameworkVersion
                            + " is published and never changes; create a new version instead.",
                    framework.status.name());
        }
    }

    private void storeItems(UUID frameworkId, List<FrameworkTree.FlatItem> items) {
        int position = 0;
        for (FrameworkTree.FlatItem flat : items) {
            FrameworkItem item = new FrameworkItem();
            item.id = UUID.randomUUID();
            item.frameworkId = frameworkId;
            item.position = ++position;
            item.party = flat.party();
            item.dimensionCode = flat.dimension().code();
            item.dimensionName = flat.dimension().name();
            item.dimensionNameEn = flat.dimension().nameEn();
            item.dimensionAssumed = flat.dimension().assumed();
            item.code = flat.item().code();
            item.name = flat.item().name();
            item.nameEn = flat.item().nameEn();
            item.maxPoints = flat.maxPoints();
            frameworks.persistItem(item);
        }
    }

    /** Structure rules: unique parties, dimension codes per party, item codes per framework. */
    static List<FrameworkTree.FlatItem> validate(FrameworkTree tree) {
        List<FieldProblem> problems = new ArrayList<>();
        List<FrameworkTree.FlatItem> flat = new ArrayList<>();
        Set<Party> parties = new HashSet<>();
        Set<String> itemCodes = new HashSet<>();
        for (int p = 0; p < tree.parties().size(); p++) {
            FrameworkTree.PartyTree party = tree.parties().get(p);
            String partyPath = "parties[" + p + "]";
            if (!parties.add(party.party())) {
                problems.add(new FieldProblem(partyPath + ".party", "party " + party.party() + " appears twice"));
            }
            Set<String> dimensionCodes = new HashSet<>();
            for (int d = 0; d < party.dimensions().size(); d++) {
                FrameworkTree.Dimension dimension = party.dimensions().get(d);
                String dimensionPath = partyPath + ".dimensions[" + d + "]";
                if (!dimensionCodes.add(dimension.code())) {
                    problems.add(new FieldProblem(
                            dimensionPath + ".code", "dimension " + dimension.code() + " appears twice"));
                }
                for (int i = 0; i < dimension.items().size(); i++) {
                    FrameworkTree.Item item = dimension.items().get(i);
                    String itemPath = dimensionPath + ".items[" + i + "]";
                    if (!itemCodes.add(item.code())) {
                        problems.add(new FieldProblem(
                                itemPath + ".code", "item " + item.code() + " appears twice in the framework"));
                    }
                    BigDecimal max = Points.parse(item.maxPoints());
                    if (max == null || max.signum() <= 0) {
                        problems.add(new FieldProblem(
                                itemPath + ".maxPoints",
                                "must be more than 0 and at most 100, with at most 2 decimals"));
                    } else {
                        flat.add(new FrameworkTree.FlatItem(party.party(), dimension, item, max));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return flat;
    }
}
