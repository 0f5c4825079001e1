package pullquote.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import pullquote.search.SearchParameters;
import pullquote.search.profile.Profiles;

/**
 * The profile routes: {@code GET /api/critics/{name}} (with {@code sort=score|date|work} for its
 * works list) and {@code GET /api/works/{title}}; 404 {@code not_found} when no review has the
 * name. They go through the same admission as searches.
 */
final class ProfileRoutes {

  private final Profiles profiles;
  private final Admission admission;

  ProfileRoutes(Profiles profiles, Admission admission) {
    this.profiles = profiles;
    this.admission = admission;
  }

  void warm() {
    profiles.warm();
  }

  void register(RoutesConfig routes) {
    RequestRules.read(
        routes,
        "/api/critics/{name}",
        ctx -> {
          SearchParameters.requireOnly(ctx.queryParamMap(), Set.of("sort"), Set.of());
          String sort = Optional.ofNullable(ctx.queryParam("sort")).orElse("score").strip();
          String name = ctx.pathParam("name");
          answer(ctx, () -> profiles.critic(name, sort), "no review is by a critic named", name);
        });
    RequestRules.read(
        routes,
        "/api/works/{title}",
        ctx -> {
          SearchParameters.requireOnly(ctx.queryParamMap(), Set.of(), Set.of());
          String title = ctx.pathParam("title");
          answer(ctx, () -> profiles.work(title), "no review is of a work titled", title);
        });
  }

  private void answer(
      Context ctx, Supplier<? extends Optional<?>> profile, String missing, String name) {
    admission
        .run(profile)
        .ifPresentOrElse(
            ctx::json,
            () ->
                ctx.status(HttpStatus.NOT_FOUND)
                    .json(ApiError.of("not_found", missing + " '" + name + "'", null)));
  }
}
