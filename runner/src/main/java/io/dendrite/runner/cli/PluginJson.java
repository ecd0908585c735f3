package io.dendrite.runner.cli;

import io.dendrite.core.param.Param;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.runner.docs.ParamText;
import io.dendrite.runner.output.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plugins as a JSON array, one object per plugin, for tools and scripts. */
final class PluginJson {
  private PluginJson() {}

  static String write(PluginRegistry registry) {
    List<Object> plugins = new ArrayList<>();
    for (RegisteredPlugin p : registry.plugins()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", p.kind().id());
      m.put("id", p.id());
      m.put("aliases", p.plugin().aliases());
      m.put("summary", p.plugin().summary());
      List<Object> params = new ArrayList<>();
      p.plugin().params().forEach(param -> params.add(param(param)));
      m.put("params", params);
      m.put("version", p.version());
      m.put("source", p.source());
      plugins.add(m);
    }
    return JsonWriter.write(plugins);
  }

  static Map<String, Object> param(Param<?> p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("type", ParamText.type(p));
    m.put("default", ParamText.defaultValue(p));
    m.put("required", p.isRequired());
    m.put("doc", p.doc());
    if (!p.rangeText().isEmpty()) {
      m.put("range", p.rangeText());
    }
    if (!p.choices().isEmpty()) {
      m.put("choices", p.choices());
    }
    String kind = ParamText.componentKind(p);
    if (kind != null) {
      m.put("component", kind);
    }
    return m;
  }
}
