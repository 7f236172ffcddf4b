package dev.vigil.server.http;

import dev.vigil.model.ApiKey;
import dev.vigil.model.PiiMode;
import dev.vigil.model.PiiRule;
import dev.vigil.model.PriceOverride;
import dev.vigil.model.Project;
import dev.vigil.model.ProjectSettings;
import dev.vigil.server.auth.ApiKeys;
import dev.vigil.server.auth.Principal;
import dev.vigil.server.ingest.IngestService;
import dev.vigil.storage.ProjectStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Projects, their settings and API keys. Every key manages its own project; only admin keys create
 * projects or hand out admin keys. Secrets appear once, in the response that creates them.
 */
final class ProjectRoutes {
  private final Authn authn;
  private final ProjectStore projects;
  private final ApiKeys keys;
  private final IngestService ingest;

  ProjectRoutes(Authn authn, ProjectStore projects, ApiKeys keys, IngestService ingest) {
    this.authn = authn;
    this.projects = projects;
    this.keys = keys;
    this.ingest = ingest;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/project", ctx -> ctx.json(project(current(ctx))));
    routes.patch("/api/v1/project/settings", this::updateSettings);
    routes.get("/api/v1/projects", this::listProjects);
    routes.post("/api/v1/projects", this::createProject);
    routes.get("/api/v1/keys", ctx -> ctx.json(Map.of("keys",
        keys.list(authn.require(ctx).projectId()).stream().map(ProjectRoutes::key).toList())));
    routes.post("/api/v1/keys", this::createKey);
    routes.delete("/api/v1/keys/{id}", this::revokeKey);
  }

  private Project current(Context ctx) {
    long id = authn.require(ctx).projectId();
    return projects.getProject(id).orElseThrow(() -> new ApiError(404, "project " + id + " no longer exists"));
  }

  record SettingsBody(Integer retentionDays, String piiMode, List<PiiRule> piiRules,
      List<PriceOverride> priceOverrides, String featureAttribute) {}

  private void updateSettings(Context ctx) throws Exception {
    Project p = current(ctx);
    SettingsBody body = Json.MAPPER.readValue(ctx.bodyAsBytes(), SettingsBody.class);
    ProjectSettings old = p.settings();
    ProjectSettings next = new ProjectSettings(
        body.retentionDays() == null ? old.retentionDays() : body.retentionDays(),
        body.piiMode() == null ? old.piiMode() : PiiMode.fromWireName(body.piiMode()),
        body.piiRules() == null ? old.piiRules() : body.piiRules(),
        body.priceOverrides() == null ? old.priceOverrides() : body.priceOverrides(),
        body.featureAttribute() == null ? old.featureAttribute() : body.featureAttribute());
    for (PiiRule r : next.piiRules()) compile("pii_rules '" + r.name() + "'", r.pattern());
    for (PriceOverride o : next.priceOverrides()) compile("price_overrides '" + o.modelPattern() + "'", o.modelPattern());
    Project updated = projects.updateSettings(p.id(), next);
    ingest.settingsChanged(p.id());
    ctx.json(project(updated));
  }

  private void listProjects(Context ctx) {
    Principal principal = authn.require(ctx);
    List<Project> visible = principal.admin()
        ? projects.listProjects()
        : projects.getProject(principal.projectId()).stream().toList();
    ctx.json(Map.of("projects", visible.stream().map(ProjectRoutes::project).toList()));
  }

  record NameBody(String name, Boolean admin) {}

  private void createProject(Context ctx) throws Exception {
    authn.requireAdmin(ctx);
    NameBody body = Json.MAPPER.readValue(ctx.bodyAsBytes(), NameBody.class);
    if (body.name() == null || body.name().isBlank()) throw new ApiError(400, "'name' is required");
    Project p = projects.createProject(body.name(), null);
    ApiKeys.Created created = keys.create(p.id(), "default", false);
    Map<String, Object> out = project(p);
    out.put("api_key", withSecret(created));
    ctx.status(201).json(out);
  }

  private void createKey(Context ctx) throws Exception {
    Principal principal = authn.require(ctx);
    NameBody body = ctx.bodyAsBytes().length == 0 ? new NameBody(null, null)
        : Json.MAPPER.readValue(ctx.bodyAsBytes(), NameBody.class);
    boolean admin = Boolean.TRUE.equals(body.admin());
    if (admin && !principal.admin()) throw new ApiError(403, "only an admin key can create admin keys");
    ctx.status(201).json(withSecret(keys.create(principal.projectId(), body.name(), admin)));
  }

  private void revokeKey(Context ctx) {
    Principal principal = authn.require(ctx);
    if (!keys.revoke(principal.projectId(), ctx.pathParam("id"))) {
      throw new ApiError(404, "no active key '" + ctx.pathParam("id") + "' in this project");
    }
    ctx.status(204);
  }

  private static void compile(String what, String pattern) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new ApiError(400, what + " is not a valid regular expression: " + e.getDescription());
    }
  }

  static Map<String, Object> project(Project p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("created_at", p.createdAt());
    ProjectSettings s = p.settings();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("retention_days", s.retentionDays());
    settings.put("pii_mode", s.piiMode().wireName());
    settings.put("pii_rules", s.piiRules());
    settings.put("price_overrides", s.priceOverrides());
    settings.put("feature_attribute", s.featureAttribute());
    m.put("settings", settings);
    return m;
  }

  static Map<String, Object> key(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("name", k.name());
    m.put("prefix", k.prefix());
    m.put("admin", k.admin());
    m.put("created_at", k.createdAt());
    m.put("revoked_at", k.revokedAt());
    return m;
  }

  private static Map<String, Object> withSecret(ApiKeys.Created c) {
    Map<String, Object> m = key(c.key());
    m.put("secret", c.secret());
    m.put("note", "store this secret now; it cannot be shown again");
    return m;
  }

}
